import { KubeConfig, type Cluster } from '@kubernetes/client-node';

/** A kubeconfig whose one context reaches `cluster` as `user` with a bearer `token`. */
export function tokenKubeConfig(
  cluster: Pick<Cluster, 'name' | 'server'> & Partial<Cluster>,
  token: string,
  user = 'u',
): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [cluster],
    users: [{ name: user, token }],
    contexts: [{ name: cluster.name, cluster: cluster.name, user }],
    currentContext: cluster.name,
  });
  return kc;
}
