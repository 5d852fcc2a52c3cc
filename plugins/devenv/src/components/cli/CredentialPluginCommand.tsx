import { discoveryApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { CopyableCommand } from '../common/CopyableCommand';

/** The credential plugin's commands that connect kubectl to an environment, no token pasted. */
export function credentialPluginCommand(
  apiUrl: string,
  cluster: string,
  name: string,
): string {
  const file = `${name}.kubeconfig`;
  return `kubectl-kubeplatform login --api ${apiUrl} && kubectl-kubeplatform kubeconfig --api ${apiUrl} ${cluster}/${name} -o ${file} && kubectl --kubeconfig ${file} get pods`;
}

/**
 * The kubectl-kubeplatform command for an environment, with a copy button; it holds no token.
 */
export const CredentialPluginCommand = ({
  cluster,
  name,
  wrap,
}: {
  cluster: string;
  name: string;
  wrap: boolean;
}) => {
  const discoveryApi = useApi(discoveryApiRef);
  const { value: apiUrl } = useAsync(
    () => discoveryApi.getBaseUrl('devenv'),
    [discoveryApi],
  );
  if (!apiUrl) return null;
  const command = credentialPluginCommand(apiUrl, cluster, name);
  return (
    <CopyableCommand
      command={command}
      wrap={wrap}
      copiedText="kubectl-kubeplatform command copied"
      copyLabel="Copy kubectl-kubeplatform command"
    />
  );
};
