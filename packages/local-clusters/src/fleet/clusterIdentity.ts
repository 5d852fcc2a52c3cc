import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';

/**
 * What makes a cluster this cluster: the UID of its kube-system namespace, fixed when etcd was
 * first filled. A port can be re-used by another cluster while ours is stopped; comparing the
 * UID tells the two apart.
 */
export async function clusterIdentity(kc: KubeConfig): Promise<string> {
  const ns = await kc
    .makeApiClient(CoreV1Api)
    .readNamespace({ name: 'kube-system' });
  const uid = ns.metadata?.uid;
  if (!uid) throw new Error('kube-system has no uid');
  return uid;
}
