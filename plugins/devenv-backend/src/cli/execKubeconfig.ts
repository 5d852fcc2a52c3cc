import { stringify } from 'yaml';
import { issuedKubeconfigParts } from './issuedKubeconfigParts';

/** The credential plugin's command, as installed from `@kubeplatform/kubectl-kubeplatform`. */
export const CREDENTIAL_PLUGIN_COMMAND = 'kubectl-kubeplatform';

/**
 * The kubeconfig a developer keeps: the same cluster and context as an issued one, but its user
 * runs the credential plugin, which fetches a fresh namespace token whenever kubectl needs one.
 * It holds no secret.
 */
export function execKubeconfig(options: {
  issuedKubeconfig: string;
  /** The devenv API as developers reach it, e.g. `https://backstage.example.com/api/devenv`. */
  apiUrl: string;
  cluster: string;
  name: string;
}): string {
  const { rest, userName } = issuedKubeconfigParts(options.issuedKubeconfig);
  return stringify({
    ...rest,
    users: [
      {
        name: userName,
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1',
            command: CREDENTIAL_PLUGIN_COMMAND,
            args: [
              'credential',
              '--api',
              options.apiUrl,
              `${options.cluster}/${options.name}`,
            ],
            interactiveMode: 'Never',
            provideClusterInfo: false,
            installHint: `${CREDENTIAL_PLUGIN_COMMAND} is not installed: npm install -g @kubeplatform/kubectl-kubeplatform, then ${CREDENTIAL_PLUGIN_COMMAND} login --api ${options.apiUrl}`,
          },
        },
      },
    ],
  });
}
