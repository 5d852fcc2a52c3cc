import { makeValidator, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

const validator = makeValidator();

/** Validates the :kind/:namespace/:name path parameters; a malformed ref is a 400. */
export function parseEntityRefParams(params: {
  kind?: string;
  namespace?: string;
  name?: string;
}): string {
  const { kind, namespace, name } = params;
  if (!kind || !validator.isValidKind(kind)) {
    throw new InputError(`Malformed entity ref: invalid kind`);
  }
  if (!namespace || !validator.isValidNamespace(namespace)) {
    throw new InputError(`Malformed entity ref: invalid namespace`);
  }
  if (!name || !validator.isValidEntityName(name)) {
    throw new InputError(`Malformed entity ref: invalid name`);
  }
  return stringifyEntityRef({ kind, namespace, name });
}
