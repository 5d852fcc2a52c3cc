import {
  AppsV1Api,
  KubeConfig,
  KubernetesObject,
} from '@kubernetes/client-node';
import { applyObjects, pollUntil } from '../control/apply';
import { applyCrds } from '../control/conditions';
import { demoFleet, stuckRollout } from '../demo/demoFleet';
import {
  ENVIRONMENT_CLUSTER,
  environmentCrd,
} from '../environments/environmentCrd';
import { LocalClusterSpec } from './clusterSpecs';
import { fakeNodes, nodeCountFor } from './fakeNodes';
import {
  accessObjects,
  readServiceAccountTokens,
  ServiceAccountTokens,
  SERVICE_ACCOUNT_NAMESPACE,
} from './serviceAccounts';

/** Pods the demo fleet itself runs per cluster, counted when sizing the nodes. */
const DEMO_PODS = 30;

/** Nodes, namespaces, service accounts and RBAC; returns the service-account tokens. */
export async function seedAccess(
  kc: KubeConfig,
  spec: LocalClusterSpec,
  scalePods: number,
  signal?: AbortSignal,
): Promise<ServiceAccountTokens> {
  const namespace: KubernetesObject = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: SERVICE_ACCOUNT_NAMESPACE },
  };
  const demoNamespaces = demoFleet(spec.name).filter(
    o => o.kind === 'Namespace',
  );
  await applyObjects(
    kc,
    [
      ...fakeNodes(spec, nodeCountFor(scalePods + DEMO_PODS)),
      namespace,
      ...demoNamespaces,
      ...accessObjects(),
    ],
    signal,
  );
  if (spec.name === ENVIRONMENT_CLUSTER) {
    await applyCrds(kc, [environmentCrd()], signal);
  }
  return readServiceAccountTokens(kc, signal);
}

/** The demo workloads with their deliberate troubles, including the two-step stuck rollout. */
export async function seedDemoFleet(
  kc: KubeConfig,
  cluster: string,
  signal?: AbortSignal,
): Promise<void> {
  await applyObjects(kc, demoFleet(cluster), signal);
  const secondStep = stuckRollout(cluster);
  if (!secondStep) return;
  const apps = kc.makeApiClient(AppsV1Api);
  const { name, namespace } = secondStep.metadata as {
    name: string;
    namespace: string;
  };
  await pollUntil(
    `${cluster} ${namespace}/${name} to be available before its stuck rollout`,
    async () => {
      const d = await apps.readNamespacedDeployment({ name, namespace });
      const want = d.spec?.replicas ?? 1;
      return (d.status?.availableReplicas ?? 0) >= want ? true : undefined;
    },
    90_000,
    signal,
  );
  await applyObjects(kc, [secondStep], signal);
}
