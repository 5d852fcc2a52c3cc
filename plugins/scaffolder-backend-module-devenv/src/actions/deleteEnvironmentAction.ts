import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { auditedChange } from './auditedChange';
import {
  environmentTargetInput,
  type EnvironmentActionOptions,
} from './environmentActionOptions';
import { examples } from './deleteEnvironmentAction.examples';

/** @public */
export const DELETE_ACTION_ID = 'kubeplatform:devenv:delete';

/**
 * `kubeplatform:devenv:delete`: deletes an environment the initiator owns (directly or through
 * a group). Only objects whose labels prove Kubeplatform manages them are deleted.
 *
 * @public
 */
export function deleteEnvironmentAction(options: EnvironmentActionOptions) {
  const { provisioner, access, auditor } = options;
  return createTemplateAction({
    id: DELETE_ACTION_ID,
    description:
      'Deletes a development environment that Kubeplatform manages and the initiator owns.',
    examples,
    supportsDryRun: true,
    schema: {
      input: z => z.object(environmentTargetInput(z)),
      output: z =>
        z.object({
          environmentRef: z.string(),
          deleted: z.boolean().describe('False in a dry run'),
        }),
    },
    async handler(ctx) {
      const { cluster, name } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      if (ctx.isDryRun) {
        const environment = await provisioner.get(cluster, name);
        await access.authorize(credentials, 'delete', environment);
        ctx.output('environmentRef', environment.ref);
        ctx.logger.info(`Dry run: would delete environment ${environment.ref}`);
        ctx.output('deleted', false);
        return;
      }
      // Authorize on what was found, then delete only that anchor (its UID).
      const ref = await auditedChange(
        { auditor, action: 'delete', credentials, cluster, environment: name },
        async () => {
          const { environment, uid } = await provisioner.identify(
            cluster,
            name,
            'nothing was deleted',
          );
          await access.authorize(credentials, 'delete', environment);
          await ctx.checkpoint({
            key: `kubeplatform.devenv.delete.${cluster}.${name}`,
            fn: async () => {
              await provisioner.delete(cluster, name, {
                uid,
                progress: line => ctx.logger.info(line),
              });
            },
          });
          return environment.ref;
        },
      );
      ctx.output('environmentRef', ref);
      ctx.output('deleted', true);
    },
  });
}
