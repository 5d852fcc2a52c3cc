import {
  CoreV1Api,
  KubeConfig,
  KubernetesObject,
} from '@kubernetes/client-node';
import { pollUntil } from '../control/apply';

/** Where the Backstage service accounts live in every local cluster. */
export const SERVICE_ACCOUNT_NAMESPACE = 'kubeplatform';
export const READER_SERVICE_ACCOUNT = 'backstage-reader';
export const LIMITED_SERVICE_ACCOUNT = 'backstage-limited';
/** The only namespaces backstage-limited may read. */
export const LIMITED_NAMESPACES = ['shop'];

/** Read access to everything the suite shows, and nothing secret (no Secrets). */
const readRules = [
  {
    apiGroups: [''],
    resources: [
      'pods',
      'pods/log',
      'services',
      'endpoints',
      'configmaps',
      'events',
      'limitranges',
      'resourcequotas',
      'persistentvolumeclaims',
      'replicationcontrollers',
      'serviceaccounts',
    ],
  },
  {
    apiGroups: ['apps'],
    resources: [
      'deployments',
      'replicasets',
      'statefulsets',
      'daemonsets',
      'controllerrevisions',
    ],
  },
  { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'] },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'] },
  {
    apiGroups: ['networking.k8s.io'],
    resources: ['ingresses', 'networkpolicies'],
  },
  { apiGroups: ['events.k8s.io'], resources: ['events'] },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'] },
  { apiGroups: ['metrics.k8s.io'], resources: ['pods'] },
  { apiGroups: ['salaboy.com'], resources: ['environments'] },
].map(rule => ({ ...rule, verbs: ['get', 'list', 'watch'] }));

/** Cluster-scoped things only the cluster-wide reader sees. */
const clusterOnlyRules = [
  {
    apiGroups: [''],
    resources: ['namespaces', 'nodes'],
    verbs: ['get', 'list', 'watch'],
  },
  {
    apiGroups: ['metrics.k8s.io'],
    resources: ['nodes'],
    verbs: ['get', 'list', 'watch'],
  },
  {
    apiGroups: ['apiextensions.k8s.io'],
    resources: ['customresourcedefinitions'],
    verbs: ['get', 'list', 'watch'],
  },
];

function serviceAccount(name: string): KubernetesObject[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name, namespace: SERVICE_ACCOUNT_NAMESPACE },
    },
    // A long-lived token: the token controller fills this Secret, as on any real cluster.
    {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: {
        name: `${name}-token`,
        namespace: SERVICE_ACCOUNT_NAMESPACE,
        annotations: { 'kubernetes.io/service-account.name': name },
      },
    } as KubernetesObject,
  ];
}

/** Service accounts, roles and bindings for the Backstage backend; namespaces must exist. */
export function accessObjects(): KubernetesObject[] {
  const objects: KubernetesObject[] = [
    ...serviceAccount(READER_SERVICE_ACCOUNT),
    ...serviceAccount(LIMITED_SERVICE_ACCOUNT),
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'kubeplatform-reader' },
      rules: [...readRules, ...clusterOnlyRules],
    } as KubernetesObject,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'kubeplatform-reader' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'kubeplatform-reader',
      },
      subjects: [
        {
          kind: 'ServiceAccount',
          name: READER_SERVICE_ACCOUNT,
          namespace: SERVICE_ACCOUNT_NAMESPACE,
        },
      ],
    } as KubernetesObject,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'kubeplatform-namespace-reader' },
      rules: readRules,
    } as KubernetesObject,
  ];
  for (const namespace of LIMITED_NAMESPACES) {
    objects.push({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'kubeplatform-limited-reader', namespace },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'kubeplatform-namespace-reader',
      },
      subjects: [
        {
          kind: 'ServiceAccount',
          name: LIMITED_SERVICE_ACCOUNT,
          namespace: SERVICE_ACCOUNT_NAMESPACE,
        },
      ],
    } as KubernetesObject);
  }
  return objects;
}

/** Waits for the token controller to fill both token Secrets, and returns the tokens. */
export async function readServiceAccountTokens(
  kc: KubeConfig,
  signal?: AbortSignal,
): Promise<{ reader: string; limited: string }> {
  const core = kc.makeApiClient(CoreV1Api);
  const token = (name: string) =>
    pollUntil(
      `the token of service account ${name}`,
      async () => {
        const secret = await core.readNamespacedSecret({
          name: `${name}-token`,
          namespace: SERVICE_ACCOUNT_NAMESPACE,
        });
        const data = secret.data?.token;
        return data ? Buffer.from(data, 'base64').toString('utf8') : undefined;
      },
      60_000,
      signal,
    );
  return {
    reader: await token(READER_SERVICE_ACCOUNT),
    limited: await token(LIMITED_SERVICE_ACCOUNT),
  };
}
