import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { Environment } from '@kubeplatform/clusters-common';
import { asJsonRecord } from './asJsonRecord';
import { auditedChange } from './auditedChange';
import type { EnvironmentActionOptions } from './environmentActionOptions';
import { examples } from './createEnvironmentAction.examples';

/** @public */
export const CREATE_ACTION_ID = 'kubeplatform:devenv:create';

/**
 * Outputs shared by a real run and a dry run. `ref` is the catalog Resource the access policy
 * says the environment is seen through.
 */
function environmentOutputs(
  environment: Environment,
  ref: { kind: string; namespace: string; name: string },
  appBaseUrl: string,
) {
  const connectCommand =
    environment.connection.kind === 'none'
      ? ''
      : environment.connection.command;
  return {
    environmentRef: `${ref.kind}:${ref.namespace}/${ref.name}`,
    cluster: environment.cluster,
    namespace: environment.namespace,
    connectCommand,
    expiresAt: environment.expiresAt,
    status: environment.status,
    links: [
      {
        title: 'Environment in the catalog',
        url: `${appBaseUrl}/catalog/${ref.namespace}/${ref.kind}/${ref.name}`,
      },
      { title: 'My environments', url: `${appBaseUrl}/devenv` },
    ],
  };
}

/**
 * `kubeplatform:devenv:create`: requests a development environment. Cluster credentials come
 * from the clusters service, never from template inputs.
 *
 * @public
 */
export function createEnvironmentAction(
  options: EnvironmentActionOptions & { appBaseUrl: string },
) {
  const { provisioner, access, auditor, appBaseUrl } = options;
  return createTemplateAction({
    id: CREATE_ACTION_ID,
    description:
      'Creates a development environment (a namespace, a virtual cluster or an Environment claim) on a platform cluster, owned by the user or one of their groups.',
    examples,
    supportsDryRun: true,
    schema: {
      input: z =>
        z.object({
          name: z
            .string()
            .describe(
              'Environment name, a DNS-1123 label; also the namespace name',
            ),
          cluster: z.string().describe('Cluster to create it on'),
          class: z
            .string()
            .default('namespace')
            .describe(
              'Environment class, as defined in kubeplatform.devenv.classes',
            ),
          owner: z
            .string()
            .optional()
            .describe(
              'Owning User or Group ref; defaults to the user running the template',
            ),
          size: z.string().optional().describe('Quota preset, e.g. small'),
          ttl: z
            .string()
            .optional()
            .describe('Time to live, e.g. 8h or 3d; the class bounds it'),
          sleepSchedule: z
            .object({
              sleepAt: z.string(),
              wakeAt: z.string(),
              timezone: z.string().optional(),
              days: z.array(z.string()).optional(),
            })
            .optional()
            .describe('Daily window in which workloads are scaled to zero'),
          parameters: z
            .record(
              z.union([
                z.string(),
                z.number(),
                z.boolean(),
                z.array(z.string()),
              ]),
            )
            .optional()
            .describe('Class parameters such as installInfra'),
        }),
      output: z =>
        z.object({
          environmentRef: z
            .string()
            .describe('Catalog ref of the environment Resource'),
          cluster: z.string(),
          namespace: z.string(),
          connectCommand: z
            .string()
            .describe('How to connect; never contains a token'),
          expiresAt: z.string().describe('ISO timestamp'),
          status: z.string(),
          created: z
            .boolean()
            .describe('False when an identical environment already existed'),
          links: z.array(z.object({ title: z.string(), url: z.string() })),
          manifests: z
            .array(z.record(z.unknown()))
            .optional()
            .describe('Dry run only: the objects that would be applied'),
        }),
    },
    async handler(ctx) {
      const owner = ctx.input.owner ?? ctx.user?.ref;
      if (!owner) {
        throw new InputError(
          'owner is required when the task was not started by a signed-in user',
        );
      }
      const request = {
        name: ctx.input.name,
        cluster: ctx.input.cluster,
        class: ctx.input.class,
        owner,
        size: ctx.input.size,
        ttl: ctx.input.ttl,
        sleepSchedule: ctx.input.sleepSchedule,
        parameters: ctx.input.parameters,
      };
      const credentials = await ctx.getInitiatorCredentials();
      await access.authorizeCreate(credentials);
      const outputEnvironment = (environment: Environment) => {
        const outputs = environmentOutputs(
          environment,
          access.catalogEntityRef(environment),
          appBaseUrl,
        );
        ctx.output('environmentRef', outputs.environmentRef);
        ctx.output('cluster', outputs.cluster);
        ctx.output('namespace', outputs.namespace);
        ctx.output('connectCommand', outputs.connectCommand);
        ctx.output('expiresAt', outputs.expiresAt);
        ctx.output('status', outputs.status);
        ctx.output('links', outputs.links);
      };

      ctx.logger.info(
        `Validating environment ${request.cluster}/${request.name} (class ${request.class})`,
      );
      const plan = await provisioner.plan(request, {
        createdBy: ctx.user?.ref,
      });
      if (ctx.isDryRun) {
        await access.authorizeOwner(credentials, plan.request.owner);
        ctx.logger.info(
          `Dry run: would apply ${plan.manifests.length} objects to cluster ${request.cluster}`,
        );
        outputEnvironment(plan.environment);
        ctx.output('created', false);
        ctx.output('manifests', plan.manifests.map(asJsonRecord));
        return;
      }

      const result = await auditedChange(
        {
          auditor,
          action: 'create',
          credentials,
          cluster: plan.request.cluster,
          environment: plan.request.name,
        },
        async () => {
          await access.authorizeOwner(credentials, plan.request.owner);
          return ctx.checkpoint<{ environment: Environment; created: boolean }>(
            {
              key: `kubeplatform.devenv.create.${request.cluster}.${request.name}`,
              fn: async () => {
                const { environment, created } = await provisioner.create(
                  request,
                  {
                    createdBy: ctx.user?.ref,
                    progress: line => ctx.logger.info(line),
                  },
                );
                return { environment, created };
              },
            },
          );
        },
      );
      if (!result.created) {
        ctx.logger.info(
          `Environment ${result.environment.ref} already exists with the same spec; nothing changed`,
        );
      }
      outputEnvironment(result.environment);
      ctx.output('created', result.created);
    },
  });
}
