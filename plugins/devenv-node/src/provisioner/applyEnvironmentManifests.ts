import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';
import type { Environment } from '@kubeplatform/clusters-common';
import { CONNECT_SERVICE_ACCOUNT } from '../classes/NamespaceClass';
import type { ProgressReporter } from '../classes/types';
import { ClusterClient } from '../kube/ClusterClient';
import { describeObject, ObjectRef, refOf } from '../kube/objects';
import {
  ManifestPolicy,
  placeInEnvironmentNamespace,
  SourcedManifest,
} from './environmentManifests';
import type { EnvironmentLocator, ExpectedAnchor } from './EnvironmentLocator';
import { namespacedKubeconfig } from './namespacedKubeconfig';

/**
 * The field manager of what owners apply. Not the provisioner's `kubeplatform`, so a change to
 * a field the provisioner set (a guardrail) conflicts instead of silently taking it over.
 *
 * @public
 */
export const ENVIRONMENT_FIELD_MANAGER = 'kubeplatform-environment';

/** Shortest lifetime the TokenRequest API accepts; the token lives only for this apply. */
const APPLY_TOKEN_SECONDS = 600;

/**
 * Server-side applies manifests into an existing environment's namespace, as the environment:
 * with a short-lived token of its own ServiceAccount (which has the owner's role there), under
 * field manager `kubeplatform-environment`, without force. Kubernetes RBAC has the last word,
 * and every manifest is checked against the policy before the first write.
 */
export async function applyEnvironmentManifests(
  options: {
    locator: EnvironmentLocator;
    logger: LoggerService;
    progress: ProgressReporter;
    policy: ManifestPolicy;
    timeoutMs?: number;
  },
  cluster: string,
  name: string,
  manifests: SourcedManifest[],
  expected: ExpectedAnchor = {},
): Promise<{ environment: Environment; applied: ObjectRef[] }> {
  const { locator, logger, progress, policy } = options;
  const { client, environment, cls } = await locator.locateManaged(
    cluster,
    name,
    expected,
  );
  const objects = placeInEnvironmentNamespace(
    manifests,
    environment.namespace,
    policy,
  );
  if (cls.type !== 'namespace') {
    throw new InputError(
      `Nothing was applied: class "${cls.name}" has no namespace identity to apply as; apply works on namespace environments`,
    );
  }
  const asEnvironment = await environmentClient(
    client,
    environment.namespace,
    options.timeoutMs,
  );
  const applied: ObjectRef[] = [];
  for (const object of objects) {
    progress(`Applying ${describeObject(object)}`);
    await asEnvironment.apply(object);
    applied.push(refOf(object));
  }
  logger.info(
    `Applied ${applied.length} objects to environment ${environment.ref}`,
  );
  return { environment, applied };
}

/** A client that acts as the environment's own ServiceAccount, never as the provisioner. */
async function environmentClient(
  platform: ClusterClient,
  namespace: string,
  timeoutMs?: number,
): Promise<ClusterClient> {
  const { token } = await platform.requestToken(
    namespace,
    CONNECT_SERVICE_ACCOUNT,
    APPLY_TOKEN_SECONDS,
  );
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(
    await namespacedKubeconfig({
      platformKubeConfig: platform.kubeConfig,
      clusterName: platform.cluster,
      namespace,
      user: `${namespace}-${CONNECT_SERVICE_ACCOUNT}`,
      token,
    }),
  );
  return new ClusterClient(platform.cluster, kubeConfig, {
    fieldManager: ENVIRONMENT_FIELD_MANAGER,
    timeoutMs,
  });
}
