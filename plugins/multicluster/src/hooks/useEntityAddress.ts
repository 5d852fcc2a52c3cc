import { useEntity } from '@backstage/plugin-catalog-react';
import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import { useMemo } from 'react';
import { EntityAddress } from '../api';

/** The current catalog entity as the multicluster backend addresses it. */
export function useEntityAddress(): EntityAddress {
  const { entity } = useEntity();
  const kind = entity.kind;
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const name = entity.metadata.name;
  return useMemo(() => ({ kind, namespace, name }), [kind, namespace, name]);
}
