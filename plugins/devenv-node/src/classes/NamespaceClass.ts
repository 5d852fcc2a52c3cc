import { InputError } from '@backstage/errors';
import type { KubernetesObject, V1Namespace } from '@kubernetes/client-node';
import {
  EnvironmentClassSummary,
  EnvironmentConnection,
  EnvironmentRequest,
} from '@kubeplatform/clusters-common';
import type {
  DevenvSettings,
  NamespaceClassConfig,
} from '../config/settingsSchema';
import type { ObjectRef } from '../kube/objects';
import { readManifestFolder } from './readManifestFolder';
import { renderTemplate } from './renderTemplate';
import { resolveCommon } from './resolveRequest';
import { ownerSubjects } from './ownerSubjects';
import { EnvironmentClassBase } from './EnvironmentClassBase';
import type {
  EnvironmentMetadata,
  EnvironmentPlan,
  ResolvedRequest,
} from './types';

/** The ServiceAccount whose short-lived tokens make up a requested kubeconfig. */
export const CONNECT_SERVICE_ACCOUNT = 'devenv-connect';

/**
 * The label a platform admin puts on a namespace (ingress, monitoring) whose pods may reach
 * environments. Environments cannot carry it: `kubeplatform.io/` labels are refused by apply and
 * owners cannot change their Namespace object.
 *
 * @public
 */
export const NETWORK_PEER_LABEL = 'kubeplatform.io/network-peer';

const DNS_PORT = 53;

/**
 * The built-in `namespace` class: a labelled Namespace with a ResourceQuota, a LimitRange, a
 * NetworkPolicy, a RoleBinding for the owner, and optionally app infrastructure manifests.
 */
export class NamespaceClass extends EnvironmentClassBase<NamespaceClassConfig> {
  readonly type = 'namespace' as const;

  constructor(
    config: NamespaceClassConfig,
    private readonly settings: DevenvSettings,
  ) {
    super(config);
  }

  protected offeredSizes(): string[] {
    return this.config.sizes ?? Object.keys(this.settings.sizes);
  }

  protected capabilities(): Pick<
    EnvironmentClassSummary,
    'supportsSleep' | 'connection'
  > {
    return { supportsSleep: true, connection: 'kubeconfig' };
  }

  resolve(request: EnvironmentRequest): ResolvedRequest {
    return {
      ...request,
      ...resolveCommon(this.config, Object.keys(this.settings.sizes), request),
      namespace: request.name,
    };
  }

  anchorRef(name: string): ObjectRef {
    return { apiVersion: 'v1', kind: 'Namespace', name };
  }

  claimedRefs(name: string): ObjectRef[] {
    return [this.anchorRef(name)];
  }

  async plan(
    request: ResolvedRequest,
    metadata: EnvironmentMetadata,
  ): Promise<EnvironmentPlan> {
    const ns = request.namespace;
    const preset = request.size ? this.settings.sizes[request.size] : undefined;
    if (!preset) {
      throw new InputError(`size "${request.size}" has no quota preset`);
    }
    const child = (name: string) => ({
      name,
      namespace: ns,
      labels: metadata.labels,
    });
    const namespace: V1Namespace = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: ns,
        labels: {
          ...metadata.labels,
          // Enforced by the API server's Pod Security admission, whatever the cluster's default.
          'pod-security.kubernetes.io/enforce': this.config.podSecurity,
          'pod-security.kubernetes.io/enforce-version': 'latest',
          'pod-security.kubernetes.io/warn': this.config.podSecurity,
          'pod-security.kubernetes.io/audit': this.config.podSecurity,
        },
        annotations: metadata.annotations,
      },
    };
    const objects: KubernetesObject[] = [
      {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: child('devenv-quota'),
        spec: {
          hard: {
            'requests.cpu': preset.cpu,
            'limits.cpu': preset.cpu,
            'requests.memory': preset.memory,
            'limits.memory': preset.memory,
            pods: String(preset.pods),
            'services.nodeports': String(preset.nodePorts),
            'services.loadbalancers': String(preset.loadBalancers),
          },
        },
      } as KubernetesObject,
      {
        apiVersion: 'v1',
        kind: 'LimitRange',
        metadata: child('devenv-limits'),
        spec: {
          limits: [
            {
              type: 'Container',
              defaultRequest: {
                cpu: preset.containerDefaults.requestCpu,
                memory: preset.containerDefaults.requestMemory,
              },
              default: {
                cpu: preset.containerDefaults.limitCpu,
                memory: preset.containerDefaults.limitMemory,
              },
            },
          ],
        },
      } as KubernetesObject,
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: child('devenv-isolation'),
        spec: {
          podSelector: {},
          policyTypes: ['Ingress', 'Egress'],
          ingress: [
            {
              from: [
                { podSelector: {} },
                ...this.config.allowFromNamespaces.map(allowed => ({
                  namespaceSelector: {
                    matchLabels: { [NETWORK_PEER_LABEL]: allowed },
                  },
                })),
              ],
            },
          ],
          egress: [
            {
              ports: [
                { port: DNS_PORT, protocol: 'UDP' },
                { port: DNS_PORT, protocol: 'TCP' },
              ],
            },
            {
              to: [
                { podSelector: {} },
                ...this.config.egressTo.map(cidr => ({
                  ipBlock: { cidr },
                })),
              ],
            },
          ],
        },
      } as KubernetesObject,
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: child(CONNECT_SERVICE_ACCOUNT),
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: child('devenv-owner'),
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: this.config.ownerClusterRole,
        },
        subjects: [
          ...ownerSubjects(request.owner, this.settings.ownerSubjects),
          {
            kind: 'ServiceAccount',
            name: CONNECT_SERVICE_ACCOUNT,
            namespace: ns,
          },
        ],
      } as KubernetesObject,
    ];

    if (this.config.infraManifests && this.wantsInfra(request)) {
      const infra = await readManifestFolder(this.config.infraManifests);
      for (const object of infra) {
        const rendered = renderTemplate(object, {
          name: request.name,
          namespace: ns,
          owner: request.owner,
          cluster: request.cluster,
          parameters: request.parameters,
        });
        objects.push({
          ...rendered,
          metadata: {
            ...rendered.metadata,
            namespace: ns,
            labels: { ...rendered.metadata?.labels, ...metadata.labels },
          },
        });
      }
    }

    return {
      anchor: this.anchorRef(ns),
      objects: [
        { object: namespace, mode: 'create' },
        ...objects.map(object => ({ object, mode: 'apply' as const })),
      ],
    };
  }

  private wantsInfra(request: ResolvedRequest): boolean {
    if (this.config.parameters.installInfra?.type !== 'boolean') {
      return true;
    }
    return request.parameters.installInfra === true;
  }

  protected isBeingDeleted(anchor: KubernetesObject): boolean {
    return (anchor as V1Namespace).status?.phase === 'Terminating';
  }

  connectionOf(
    env: { name: string; cluster: string; namespace: string },
    platformUrl: string,
  ): EnvironmentConnection {
    const file = `${env.name}.kubeconfig`;
    return {
      kind: 'kubeconfig',
      namespace: env.namespace,
      command: `curl -sf -X POST -H "Authorization: Bearer $BACKSTAGE_TOKEN" '${platformUrl}/environments/${env.cluster}/${env.name}/kubeconfig?format=yaml' -o ${file} && kubectl --kubeconfig ${file} get pods`,
    };
  }

  deletionRefs(anchor: KubernetesObject): ObjectRef[] {
    return [this.anchorRef(anchor.metadata!.name!)];
  }
}
