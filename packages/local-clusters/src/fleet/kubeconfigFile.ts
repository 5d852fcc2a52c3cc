import { stringify } from 'yaml';
import { AdminCredentials } from '../control/adminCredentials';

export interface KubeconfigEntry {
  context: string;
  server: string;
  admin: AdminCredentials;
}

/** One kubeconfig with an admin context per cluster; the first cluster is the current context. */
export function renderKubeconfig(entries: KubeconfigEntry[]): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': entries[0]?.context ?? '',
    clusters: entries.map(e => ({
      name: e.context,
      cluster: {
        server: e.server,
        'certificate-authority-data': e.admin.caData,
      },
    })),
    users: entries.map(e => ({
      name: `${e.context}-admin`,
      user: {
        'client-certificate-data': e.admin.certData,
        'client-key-data': e.admin.keyData,
      },
    })),
    contexts: entries.map(e => ({
      name: e.context,
      context: { cluster: e.context, user: `${e.context}-admin` },
    })),
  });
}
