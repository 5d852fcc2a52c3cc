import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  Environment,
  ENVIRONMENT_RESOURCE_TYPE,
} from '@kubeplatform/clusters-common';
import { z } from 'zod';

/**
 * Filter shape for environment queries: the owners to match.
 *
 * @public
 */
export interface EnvironmentQuery {
  owners: string[];
}

/** @public */
export const environmentResourceRef = createPermissionResourceRef<
  Environment,
  EnvironmentQuery
>().with({ pluginId: 'devenv', resourceType: ENVIRONMENT_RESOURCE_TYPE });

/**
 * "Is owner": the environment's owner is one of the given refs. A policy passes the user's
 * ownership refs (their user ref and groups), so people manage their own and their groups'.
 *
 * @public
 */
export const isEnvironmentOwner = createPermissionRule({
  name: 'IS_ENVIRONMENT_OWNER',
  description: 'Allow environments owned by one of the given users or groups',
  resourceRef: environmentResourceRef,
  paramsSchema: z.object({
    owners: z
      .array(z.string())
      .describe(
        'User or group refs, e.g. the ownershipEntityRefs of the caller',
      ),
  }),
  apply: (environment, { owners }) =>
    owners
      .map(o => o.toLocaleLowerCase('en-US'))
      .includes(environment.owner.toLocaleLowerCase('en-US')),
  toQuery: ({ owners }) => ({ owners }),
});

export const environmentPermissionRules = { isEnvironmentOwner };

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: environmentResourceRef,
  rules: environmentPermissionRules,
});

/**
 * For permission policies: `devenvConditions.isEnvironmentOwner({ owners })`.
 *
 * @public
 */
export const devenvConditions = conditions;

/**
 * Builds a conditional decision on environments for a permission policy.
 *
 * @public
 */
export const createDevenvConditionalDecision = createConditionalDecision;
