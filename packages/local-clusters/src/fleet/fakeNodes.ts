import { KubernetesObject } from '@kubernetes/client-node';
import { LocalClusterSpec } from './clusterSpecs';

/** Pods one fake node admits, as on a typical cloud worker. */
export const PODS_PER_NODE = 110;

/**
 * kwok fake nodes spread round-robin over the cluster's zones, each with the capacity of a
 * general-purpose 8 vCPU / 32 GiB cloud instance. kwok keeps them Ready and heart-beating.
 */
export function fakeNodes(
  spec: LocalClusterSpec,
  count: number,
): KubernetesObject[] {
  return Array.from({ length: count }, (_, i) => {
    const zone = spec.zones[i % spec.zones.length];
    const name = `kwok-${zone}-${Math.floor(i / spec.zones.length) + 1}`;
    const resources = {
      cpu: '8',
      memory: '32Gi',
      pods: String(PODS_PER_NODE),
      'ephemeral-storage': '100Gi',
    };
    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        annotations: {
          'kwok.x-k8s.io/node': 'fake',
          // kwok serves every node's kubelet endpoint on one port; metrics-server (0.7 and
          // later) reads this node's resource metrics from the path this annotation names.
          'metrics.k8s.io/resource-metrics-path': `/metrics/nodes/${name}/metrics/resource`,
        },
        labels: {
          type: 'kwok',
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/os': 'linux',
          'kubernetes.io/hostname': name,
          'node.kubernetes.io/instance-type': 'm6i.2xlarge',
          'topology.kubernetes.io/region': spec.region,
          'topology.kubernetes.io/zone': zone,
        },
      },
      status: {
        // kwok serves every node's kubelet API (logs) on loopback. No Hostname address: the
        // apiserver would prefer it, and these names do not resolve.
        addresses: [{ type: 'InternalIP', address: '127.0.0.1' }],
        capacity: resources,
        allocatable: { ...resources, cpu: '7910m', memory: '31Gi' },
        nodeInfo: {
          architecture: 'amd64',
          operatingSystem: 'linux',
          osImage: 'Kubeplatform simulated node (kwok)',
          kernelVersion: '6.1.0-kwok',
          containerRuntimeVersion: 'kwok://v0.7.0',
          kubeletVersion: 'v1.33.13-kwok',
          kubeProxyVersion: 'v1.33.13-kwok',
          bootID: '',
          machineID: '',
          systemUUID: '',
        },
      },
    } as KubernetesObject;
  });
}

/** How many nodes a cluster needs: three, or enough for its pods with room to spare. */
export function nodeCountFor(pods: number): number {
  return Math.max(3, Math.ceil((pods * 1.25) / PODS_PER_NODE));
}
