import {
  CoreV1Api,
  KubeConfig,
  NetworkingV1Api,
  RbacAuthorizationV1Api,
  V1ResourceQuota,
} from '@kubernetes/client-node';
import {
  MANAGED_BY_LABEL,
  OWNER_ANNOTATION,
  PHASE_ANNOTATION,
} from '@kubeplatform/clusters-common';

const QUOTA_POLL_MS = 10;
const QUOTA_TIMEOUT_MS = 30_000;

/**
 * The bench's own view of a cluster, apart from the backend under test: it reads objects back
 * with the fleet's admin certificate, which the product never uses.
 */
export class ClusterObserver {
  private readonly core: CoreV1Api;
  private readonly networking: NetworkingV1Api;
  private readonly rbac: RbacAuthorizationV1Api;

  constructor(kubeConfig: KubeConfig) {
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.networking = kubeConfig.makeApiClient(NetworkingV1Api);
    this.rbac = kubeConfig.makeApiClient(RbacAuthorizationV1Api);
  }

  /** Reads the namespace back and throws unless it exists and is Active. */
  async readActiveNamespace(name: string) {
    const ns = await this.core.readNamespace({ name });
    if (ns.status?.phase !== 'Active') {
      throw new Error(`namespace ${name} is ${ns.status?.phase}, not Active`);
    }
    return ns;
  }

  /**
   * Reads back every guardrail of a `namespace`-class environment and checks what it says:
   * the Namespace (Active, managed, ready, owned by `owner`, Pod Security enforced), the
   * ResourceQuota, the LimitRange's container defaults, the NetworkPolicy (ingress and egress)
   * and the RoleBinding naming the owner's Kubernetes user. Throws on the first that is wrong.
   */
  async readBackEnvironment(name: string, owner: string) {
    const [ns, quota, limits, policy, binding] = await Promise.all([
      this.readActiveNamespace(name),
      this.core.readNamespacedResourceQuota({
        name: 'devenv-quota',
        namespace: name,
      }),
      this.core.readNamespacedLimitRange({
        name: 'devenv-limits',
        namespace: name,
      }),
      this.networking.readNamespacedNetworkPolicy({
        name: 'devenv-isolation',
        namespace: name,
      }),
      this.rbac.readNamespacedRoleBinding({
        name: 'devenv-owner',
        namespace: name,
      }),
    ]);
    const labels = ns.metadata?.labels ?? {};
    const annotations = ns.metadata?.annotations ?? {};
    const ownerName = owner.split('/').pop();
    const checks: Array<[boolean, string]> = [
      [labels[MANAGED_BY_LABEL] === 'kubeplatform', 'namespace not managed'],
      [annotations[PHASE_ANNOTATION] === 'ready', 'namespace phase not ready'],
      [
        annotations[OWNER_ANNOTATION] === owner,
        `namespace not owned by ${owner}`,
      ],
      [
        Boolean(labels['pod-security.kubernetes.io/enforce']),
        'no Pod Security enforce label',
      ],
      [
        Boolean(quota.spec?.hard?.pods && quota.spec.hard['limits.cpu']),
        'quota without pods or cpu limits',
      ],
      [
        Boolean(
          limits.spec?.limits?.some(l => l.type === 'Container' && l._default),
        ),
        'limit range without container defaults',
      ],
      [
        ['Ingress', 'Egress'].every(t => policy.spec?.policyTypes?.includes(t)),
        'network policy does not govern ingress and egress',
      ],
      [
        Boolean(
          binding.subjects?.some(
            s => s.kind === 'User' && s.name === ownerName,
          ),
        ),
        `role binding does not name user ${ownerName}`,
      ],
    ];
    const failed = checks.filter(([ok]) => !ok).map(([, why]) => why);
    if (failed.length) {
      throw new Error(`environment ${name}: ${failed.join('; ')}`);
    }
  }

  /**
   * Waits until the quota controller has computed the quota's usage: until then the API server
   * refuses every pod in the namespace ("status unknown for quota"), so the environment cannot
   * run anything yet.
   */
  async waitForQuotaInForce(namespace: string) {
    const deadline = performance.now() + QUOTA_TIMEOUT_MS;
    for (;;) {
      const quota = await this.core.readNamespacedResourceQuota({
        name: 'devenv-quota',
        namespace,
      });
      if (quotaComputed(quota)) return;
      if (performance.now() > deadline) {
        throw new Error(
          `the quota of ${namespace} was not in force within ${QUOTA_TIMEOUT_MS} ms`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, QUOTA_POLL_MS));
    }
  }

  /** Waits until none of these namespaces exists any more (for cleanup). */
  async waitUntilGone(names: string[], timeoutMs = 120_000) {
    const deadline = performance.now() + timeoutMs;
    let left = names;
    while (left.length) {
      const exists = await Promise.all(
        left.map(name =>
          this.core.readNamespace({ name }).then(
            () => true,
            () => false,
          ),
        ),
      );
      left = left.filter((_, i) => exists[i]);
      if (!left.length) return;
      if (performance.now() > deadline) {
        throw new Error(`still not deleted: ${left.join(', ')}`);
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }

  deleteNamespace(name: string) {
    return this.core.deleteNamespace({ name });
  }
}

function quotaComputed(quota: V1ResourceQuota) {
  const hard = quota.spec?.hard ?? {};
  const status = quota.status?.hard ?? {};
  return (
    Object.keys(hard).length > 0 &&
    Object.keys(hard).every(key => key in status) &&
    Object.keys(hard).every(key => key in (quota.status?.used ?? {}))
  );
}
