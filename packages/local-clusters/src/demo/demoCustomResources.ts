import { KubernetesObject } from '@kubernetes/client-node';
import {
  BACKEND_SERVICE_ACCOUNT,
  READER_SERVICE_ACCOUNT,
  SERVICE_ACCOUNT_NAMESPACE,
} from '../fleet/serviceAccounts';

/**
 * The Argo Rollouts `Rollout` and cert-manager `Certificate` APIs on the local clusters, without
 * their controllers: the seeding writes each demo object's status itself, so the demo shows a
 * healthy and a broken one of each (healthy in dev-eu, broken in prod-us, where checkout is
 * already in trouble).
 */
export interface DemoCustomResourceType {
  group: string;
  version: string;
  plural: string;
  kind: string;
  shortNames: string[];
}

export const DEMO_CUSTOM_RESOURCE_TYPES: DemoCustomResourceType[] = [
  {
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: 'rollouts',
    kind: 'Rollout',
    shortNames: ['ro'],
  },
  {
    group: 'cert-manager.io',
    version: 'v1',
    plural: 'certificates',
    kind: 'Certificate',
    shortNames: ['cert', 'certs'],
  },
];

/**
 * A minimal valid CRD: the real names, spec and status kept as sent
 * (`x-kubernetes-preserve-unknown-fields`), a status subresource.
 */
function crd(t: DemoCustomResourceType): KubernetesObject {
  // client-node serialises through its V1JSONSchemaProps model, which names the field x_kubernetes_preserve_unknown_fields.
  const anything = {
    type: 'object',
    x_kubernetes_preserve_unknown_fields: true,
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${t.plural}.${t.group}` },
    spec: {
      group: t.group,
      scope: 'Namespaced',
      names: {
        plural: t.plural,
        singular: t.kind.toLowerCase(),
        kind: t.kind,
        listKind: `${t.kind}List`,
        shortNames: t.shortNames,
      },
      versions: [
        {
          name: t.version,
          served: true,
          storage: true,
          subresources: { status: {} },
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: { spec: anything, status: anything },
            },
          },
        },
      ],
    },
  } as KubernetesObject;
}

export function demoCustomResourceDefinitions(): KubernetesObject[] {
  return DEMO_CUSTOM_RESOURCE_TYPES.map(crd);
}

/**
 * Read access to the demo custom resources for the backend identities. A ClusterRole of its
 * own, so the fleet's access objects (and the hash that decides when clusters are recreated)
 * stay as they are.
 */
export function customResourceReaderRbac(): KubernetesObject[] {
  const name = 'kubeplatform-custom-resource-reader';
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name },
      rules: DEMO_CUSTOM_RESOURCE_TYPES.map(t => ({
        apiGroups: [t.group],
        resources: [t.plural],
        verbs: ['get', 'list', 'watch'],
      })),
    } as KubernetesObject,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name,
      },
      subjects: [READER_SERVICE_ACCOUNT, BACKEND_SERVICE_ACCOUNT].map(sa => ({
        kind: 'ServiceAccount',
        name: sa,
        namespace: SERVICE_ACCOUNT_NAMESPACE,
      })),
    } as KubernetesObject,
  ];
}

/** A demo object and the status its (absent) controller would write for a generation. */
export interface DemoCustomResource {
  type: DemoCustomResourceType;
  object: KubernetesObject & { spec: Record<string, unknown> };
  status(generation: number): Record<string, unknown>;
}

const labels = {
  'backstage.io/kubernetes-id': 'checkout',
  'app.kubernetes.io/name': 'checkout',
};
const since = '2026-11-30T08:00:00Z';

function rolloutStatus(
  healthy: boolean,
  generation: number,
): Record<string, unknown> {
  const condition = (
    type: string,
    status: string,
    reason: string,
    message: string,
  ) => ({
    type,
    status,
    reason,
    message,
    lastTransitionTime: since,
    lastUpdateTime: since,
  });
  return healthy
    ? {
        // Argo Rollouts writes it as a string.
        observedGeneration: String(generation),
        phase: 'Healthy',
        replicas: 2,
        readyReplicas: 2,
        availableReplicas: 2,
        conditions: [
          condition(
            'Available',
            'True',
            'AvailableReason',
            'Rollout has minimum availability',
          ),
          condition(
            'Progressing',
            'True',
            'NewReplicaSetAvailable',
            'Rollout "checkout-canary" has successfully progressed.',
          ),
          condition('Healthy', 'True', 'RolloutHealthy', 'Rollout is healthy'),
        ],
      }
    : {
        // Argo Rollouts writes it as a string.
        observedGeneration: String(generation),
        phase: 'Degraded',
        message:
          'ProgressDeadlineExceeded: ReplicaSet "checkout-canary-5d8f7c9b4" has timed out progressing.',
        replicas: 2,
        readyReplicas: 0,
        availableReplicas: 0,
        conditions: [
          condition(
            'Available',
            'False',
            'AvailableReason',
            'Rollout does not have minimum availability',
          ),
          condition(
            'Progressing',
            'False',
            'ProgressDeadlineExceeded',
            'ReplicaSet "checkout-canary-5d8f7c9b4" has timed out progressing.',
          ),
        ],
      };
}

function certificateStatus(
  healthy: boolean,
  generation: number,
): Record<string, unknown> {
  return healthy
    ? {
        notAfter: '2027-02-28T08:00:00Z',
        notBefore: '2026-11-30T08:00:00Z',
        renewalTime: '2027-01-29T08:00:00Z',
        revision: 1,
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'Ready',
            message: 'Certificate is up to date and has not expired',
            lastTransitionTime: since,
            observedGeneration: generation,
          },
        ],
      }
    : {
        failedIssuanceAttempts: 3,
        lastFailureTime: since,
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'DoesNotExist',
            message: 'Issuing certificate as Secret does not exist',
            lastTransitionTime: since,
            observedGeneration: generation,
          },
          {
            type: 'Issuing',
            status: 'False',
            reason: 'Failed',
            message:
              'The certificate request has failed to complete and will be retried: issuer letsencrypt-prod not found',
            lastTransitionTime: since,
            observedGeneration: generation,
          },
        ],
      };
}

/** One of checkout's custom resources, `name` in its namespace, of the demo type `type`. */
function checkoutResource(
  type: DemoCustomResourceType,
  name: string,
  spec: Record<string, unknown>,
  status: DemoCustomResource['status'],
): DemoCustomResource {
  return {
    type,
    object: {
      apiVersion: `${type.group}/${type.version}`,
      kind: type.kind,
      metadata: { name, namespace: 'shop', labels },
      spec,
    },
    status,
  };
}

/** checkout's Rollout and Certificate: healthy in dev-eu, broken in prod-us. */
export function demoCustomResources(cluster: string): DemoCustomResource[] {
  const healthy = cluster !== 'prod-us';
  const [rollouts, certificates] = DEMO_CUSTOM_RESOURCE_TYPES;
  return [
    checkoutResource(
      rollouts,
      'checkout-canary',
      {
        replicas: 2,
        selector: { matchLabels: { app: 'checkout-canary' } },
        template: {
          metadata: { labels: { app: 'checkout-canary' } },
          spec: {
            containers: [
              { name: 'checkout', image: 'registry.local/checkout:1.5.0' },
            ],
          },
        },
        strategy: {
          canary: {
            steps: [{ setWeight: 20 }, { pause: { duration: '1m' } }],
          },
        },
      },
      generation => rolloutStatus(healthy, generation),
    ),
    checkoutResource(
      certificates,
      'checkout-tls',
      {
        secretName: 'checkout-tls',
        dnsNames: [`checkout.${cluster}.kubeplatform.local`],
        issuerRef: {
          kind: 'ClusterIssuer',
          name: healthy ? 'letsencrypt-staging' : 'letsencrypt-prod',
        },
      },
      generation => certificateStatus(healthy, generation),
    ),
  ];
}
