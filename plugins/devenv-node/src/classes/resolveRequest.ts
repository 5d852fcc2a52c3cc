import { InputError } from '@backstage/errors';
import {
  EnvironmentRequest,
  formatDuration,
  ParameterDeclaration,
  ParameterValue,
  parseDuration,
} from '@kubeplatform/clusters-common';
import type { EnvironmentClassConfig } from '../config/settingsSchema';

function checkParameter(
  name: string,
  declaration: ParameterDeclaration,
  value: ParameterValue,
): string | undefined {
  switch (declaration.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'number':
      return typeof value === 'number' ? undefined : 'must be a number';
    case 'string-list':
      return Array.isArray(value) ? undefined : 'must be a list of strings';
    case 'string':
      if (typeof value !== 'string') {
        return 'must be a string';
      }
      if (declaration.enum && !declaration.enum.includes(value)) {
        return `must be one of ${declaration.enum.join(', ')}`;
      }
      return undefined;
    default:
      return `has an unsupported type in class config (${name})`;
  }
}

/** The class-independent part of resolving: size, TTL and parameters against the class config. */
export function resolveCommon(
  config: EnvironmentClassConfig,
  allSizes: string[],
  request: EnvironmentRequest,
): {
  size?: string;
  ttlMs: number;
  parameters: Record<string, ParameterValue>;
} {
  const problems: string[] = [];
  const sizes = config.sizes ?? allSizes;
  const size = request.size ?? config.defaultSize ?? sizes[0];
  if (request.size !== undefined && !sizes.includes(request.size)) {
    problems.push(
      `size "${request.size}" is not offered by class "${
        config.name
      }" (offered: ${sizes.join(', ') || 'none'})`,
    );
  }

  const maxMs = parseDuration(config.ttl.max)!;
  const ttlMs = parseDuration(request.ttl ?? config.ttl.default)!;
  if (ttlMs > maxMs) {
    problems.push(
      `ttl ${request.ttl} is longer than the maximum ${formatDuration(
        maxMs,
      )} of class "${config.name}"`,
    );
  }

  const parameters: Record<string, ParameterValue> = {};
  const given = request.parameters ?? {};
  for (const name of Object.keys(given)) {
    if (!config.parameters[name]) {
      const declared = Object.keys(config.parameters);
      problems.push(
        `parameter "${name}" is not declared by class "${
          config.name
        }" (declared: ${declared.join(', ') || 'none'})`,
      );
    }
  }
  for (const [name, declaration] of Object.entries(config.parameters)) {
    const value = given[name] ?? declaration.default;
    if (value === undefined) {
      if (declaration.required) {
        problems.push(`parameter "${name}" is required`);
      }
      continue;
    }
    const problem = checkParameter(name, declaration, value);
    if (problem) {
      problems.push(`parameter "${name}" ${problem}`);
    } else {
      parameters[name] = value;
    }
  }

  if (problems.length) {
    throw new InputError(problems.join('; '));
  }
  return { size, ttlMs, parameters };
}
