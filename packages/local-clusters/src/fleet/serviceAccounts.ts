import {
  CoreV1Api,
  KubeConfig,
  KubernetesObject,
} from '@kubernetes/client-node';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { pollUntil } from '../control/apply';
import { DEMO_NAMESPACES } from '../demo/demoServices';
import { findRepoRoot } from '../paths';

/** Where the Backstage service accounts live in every local cluster. */
export const SERVICE_ACCOUNT_NAMESPACE = 'kubeplatform';
export const READER_SERVICE_ACCOUNT = 'backstage-reader';
export const LIMITED_SERVICE_ACCOUNT = 'backstage-limited';
/**
 * The identity the demo backend uses: everything backstage-reader may read, plus what the
 * development environment provisioner and the workload actions need to write. backstage-reader
 * stays read-only, so the tests of least privilege keep meaning something.
 */
export const BACKEND_SERVICE_ACCOUNT = 'backstage-backend';

/** The provisioner's ClusterRole, as the devenv plugin documents it for real clusters. */
const provisionerRbacFile = () =>
  path.join(
    findRepoRoot(),
    'plugins',
    'devenv-node',
    'rbac',
    'provisioner-rbac.yaml',
  );

function provisionerClusterRole(): KubernetesObject {
  const role = parseAllDocuments(fs.readFileSync(provisionerRbacFile(), 'utf8'))
    .map(doc => doc.toJSON() as KubernetesObject | null)
    .find(doc => doc?.kind === 'ClusterRole');
  if (!role) {
    throw new Error(`no ClusterRole in ${provisionerRbacFile()}`);
  }
  return role;
}
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

/**
 * What the multicluster workload actions write: restart patches the workload's pod template,
 * scale patches the scale subresource, delete-pod deletes one pod, the terminal execs into one.
 * Nothing else.
 */
export const WORKLOAD_ACTION_RULES = [
  {
    apiGroups: ['apps'],
    resources: ['deployments', 'statefulsets', 'daemonsets'],
    verbs: ['patch'],
  },
  {
    apiGroups: ['apps'],
    resources: ['deployments/scale', 'statefulsets/scale'],
    verbs: ['patch', 'update'],
  },
  { apiGroups: [''], resources: ['pods'], verbs: ['delete'] },
  // The pod terminal: an exec is a "create" (POST) on pods/exec; the WebSocket upgrade is a GET.
  { apiGroups: [''], resources: ['pods/exec'], verbs: ['create', 'get'] },
];

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

/**
 * Long-lived tokens: `reader` reads cluster-wide, `limited` only in LIMITED_NAMESPACES, and
 * `backend` (the demo backend's) reads cluster-wide, provisions development environments and
 * runs the workload actions (restart, scale, delete pod) in the demo namespaces.
 */
export interface ServiceAccountTokens {
  reader: string;
  limited: string;
  backend: string;
}

/** Service accounts, roles and bindings for the Backstage backend; namespaces must exist. */
export function accessObjects(): KubernetesObject[] {
  const objects: KubernetesObject[] = [
    ...serviceAccount(READER_SERVICE_ACCOUNT),
    ...serviceAccount(LIMITED_SERVICE_ACCOUNT),
    ...serviceAccount(BACKEND_SERVICE_ACCOUNT),
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
      subjects: [READER_SERVICE_ACCOUNT, BACKEND_SERVICE_ACCOUNT].map(name => ({
        kind: 'ServiceAccount',
        name,
        namespace: SERVICE_ACCOUNT_NAMESPACE,
      })),
    } as KubernetesObject,
    provisionerClusterRole(),
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'kubeplatform-backend-devenv-provisioner' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'kubeplatform-devenv-provisioner',
      },
      subjects: [
        {
          kind: 'ServiceAccount',
          name: BACKEND_SERVICE_ACCOUNT,
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
  for (const namespace of DEMO_NAMESPACES) {
    objects.push(
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'kubeplatform-workload-actions', namespace },
        rules: WORKLOAD_ACTION_RULES,
      } as KubernetesObject,
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'kubeplatform-backend-workload-actions', namespace },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Role',
          name: 'kubeplatform-workload-actions',
        },
        subjects: [
          {
            kind: 'ServiceAccount',
            name: BACKEND_SERVICE_ACCOUNT,
            namespace: SERVICE_ACCOUNT_NAMESPACE,
          },
        ],
      } as KubernetesObject,
    );
  }
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

/** Waits for the token controller to fill the token Secrets, and returns the tokens. */
export async function readServiceAccountTokens(
  kc: KubeConfig,
  signal?: AbortSignal,
): Promise<ServiceAccountTokens> {
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
    backend: await token(BACKEND_SERVICE_ACCOUNT),
  };
}
