import type { KubeConfig } from '@kubernetes/client-node';
import { promises as fs } from 'fs';
import { stringify } from 'yaml';

/**
 * A kubeconfig for one namespace, authenticated by a ServiceAccount token. It reuses the
 * server address and CA of the platform's own connection, never its credentials.
 */
export async function namespacedKubeconfig(options: {
  platformKubeConfig: KubeConfig;
  clusterName: string;
  namespace: string;
  user: string;
  token: string;
}): Promise<string> {
  const source = options.platformKubeConfig.getCurrentCluster();
  if (!source) {
    throw new Error(
      `cluster "${options.clusterName}" has no server in its kubeconfig`,
    );
  }
  let caData = source.caData;
  if (!caData && source.caFile) {
    caData = (await fs.readFile(source.caFile)).toString('base64');
  }
  const context = `${options.clusterName}-${options.namespace}`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: options.clusterName,
        cluster: {
          server: userFacingServer(source.server, source.tlsServerName),
          ...(caData ? { 'certificate-authority-data': caData } : {}),
          ...(source.skipTLSVerify ? { 'insecure-skip-tls-verify': true } : {}),
        },
      },
    ],
    users: [{ name: options.user, user: { token: options.token } }],
    contexts: [
      {
        name: context,
        context: {
          cluster: options.clusterName,
          user: options.user,
          namespace: options.namespace,
        },
      },
    ],
    'current-context': context,
  });
}

/**
 * The backend connects to a catalog cluster through the address its SSRF check approved (the
 * host name goes in `tlsServerName`); a developer's kubeconfig names the cluster's own host.
 */
function userFacingServer(server: string, tlsServerName?: string): string {
  if (!tlsServerName) return server;
  const url = new URL(server);
  url.hostname = tlsServerName;
  return url.toString().replace(/\/$/, '');
}
