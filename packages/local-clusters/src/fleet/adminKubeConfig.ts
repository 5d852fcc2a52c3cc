import { KubeConfig } from '@kubernetes/client-node';
import { AdminCredentials } from '../control/adminCredentials';

/** A client-node KubeConfig with the admin identity of one local cluster. */
export function adminKubeConfig(
  context: string,
  server: string,
  admin: AdminCredentials,
): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      { name: context, server, caData: admin.caData, skipTLSVerify: false },
    ],
    users: [
      {
        name: `${context}-admin`,
        certData: admin.certData,
        keyData: admin.keyData,
      },
    ],
    contexts: [{ name: context, cluster: context, user: `${context}-admin` }],
    currentContext: context,
  });
  return kc;
}
