import { InputError } from '@backstage/errors';

type TemplateValue = string | number | boolean | string[] | undefined;

const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9_.-]+)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*([a-zA-Z0-9_.-]+)\s*\}\}$/;

function lookup(variables: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object'
          ? (value as Record<string, unknown>)[key]
          : undefined,
      variables,
    );
}

/**
 * Fills `{{ path }}` placeholders in every string of a config template. A string that is only
 * a placeholder takes the value's own type, so `installInfra: '{{ parameters.installInfra }}'`
 * stays a boolean. An unknown placeholder is an error, never an empty string.
 */
export function renderTemplate<T>(
  template: T,
  variables: Record<string, unknown>,
): T {
  const resolve = (path: string): TemplateValue => {
    const value = lookup(variables, path);
    if (value === undefined) {
      throw new InputError(`template placeholder "{{ ${path} }}" has no value`);
    }
    return value as TemplateValue;
  };
  const render = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const whole = value.match(WHOLE_PLACEHOLDER);
      if (whole) {
        return resolve(whole[1]);
      }
      return value.replace(PLACEHOLDER, (_, path: string) => {
        const resolved = resolve(path);
        return Array.isArray(resolved) ? resolved.join(',') : String(resolved);
      });
    }
    if (Array.isArray(value)) {
      return value.map(render);
    }
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [key, render(inner)]),
      );
    }
    return value;
  };
  return render(template) as T;
}
