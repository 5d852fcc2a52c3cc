import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { asJsonRecord } from './asJsonRecord';
import { auditedChange } from './auditedChange';
import {
  environmentTargetInput,
  type EnvironmentActionOptions,
} from './environmentActionOptions';
import { examples } from './applyManifestsAction.examples';
import { readWorkspaceManifests } from './readWorkspaceManifests';

/** @public */
export const APPLY_ACTION_ID = 'kubeplatform:devenv:apply';

/**
 * `kubeplatform:devenv:apply`: server-side applies manifests from the task workspace into the
 * namespace of an environment the initiator owns (directly or through a group).
 *
 * @public
 */
export function applyManifestsAction(options: EnvironmentActionOptions) {
  const { provisioner, access, auditor } = options;
  return createTemplateAction({
    id: APPLY_ACTION_ID,
    description:
      "Applies Kubernetes manifests from the task workspace into the namespace of a development environment that Kubeplatform manages and the initiator owns, as the environment's own ServiceAccount (server-side apply, field manager kubeplatform-environment). Only allow-listed kinds; never guardrail names (devenv-…), kubeplatform.io labels or annotations, anchor kinds or cluster-scoped kinds.",
    examples,
    supportsDryRun: true,
    schema: {
      input: z =>
        z.object({
          ...environmentTargetInput(z),
          manifests: z
            .string()
            .describe(
              'A YAML file or folder in the task workspace, e.g. ./k8s; every document is applied',
            ),
        }),
      output: z =>
        z.object({
          namespace: z.string().describe('Namespace the objects went into'),
          applied: z
            .array(z.object({ kind: z.string(), name: z.string() }))
            .describe('Objects applied; in a dry run, those that would be'),
          manifests: z
            .array(z.record(z.unknown()))
            .optional()
            .describe('Dry run only: the objects that would be applied'),
        }),
    },
    async handler(ctx) {
      const { cluster, name } = ctx.input;
      ctx.logger.info(`Reading manifests from ${ctx.input.manifests}`);
      const manifests = await readWorkspaceManifests(
        ctx.workspacePath,
        ctx.input.manifests,
      );

      if (ctx.isDryRun) {
        // A dry run touches no cluster; the environment may not exist yet, and a namespace
        // environment's namespace is its name.
        const objects = provisioner.checkManifests(manifests, name);
        ctx.logger.info(
          `Dry run: would apply ${objects.length} objects to namespace ${name} on cluster ${cluster}`,
        );
        ctx.output('namespace', name);
        ctx.output(
          'applied',
          objects.map(o => ({ kind: o.kind!, name: o.metadata!.name! })),
        );
        ctx.output('manifests', objects.map(asJsonRecord));
        return;
      }

      const { environment, uid } = await provisioner.identify(cluster, name);
      // Validate against the real namespace before any permission call or write.
      provisioner.checkManifests(manifests, environment.namespace);
      const credentials = await ctx.getInitiatorCredentials();
      const result = await auditedChange(
        { auditor, action: 'apply', credentials, cluster, environment: name },
        async () => {
          await access.authorize(credentials, 'apply', environment);
          return ctx.checkpoint({
            key: `kubeplatform.devenv.apply.${cluster}.${name}`,
            fn: async () => {
              const { applied } = await provisioner.applyManifests(
                cluster,
                name,
                manifests,
                { uid, progress: line => ctx.logger.info(line) },
              );
              return {
                applied: applied.map(ref => ({
                  kind: ref.kind,
                  name: ref.name,
                })),
              };
            },
          });
        },
      );
      ctx.output('namespace', environment.namespace);
      ctx.output('applied', result.applied);
    },
  });
}
