import { CopyTextButton } from '@backstage/core-components';
import { discoveryApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import useAsync from 'react-use/esm/useAsync';

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
    <Box display="flex" alignItems="center">
      <Box
        component="code"
        fontFamily="monospace"
        fontSize="0.8rem"
        title={command}
        style={
          wrap
            ? { wordBreak: 'break-all' }
            : {
                maxWidth: 280,
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                whiteSpace: 'nowrap',
              }
        }
      >
        {command}
      </Box>
      <CopyTextButton
        text={command}
        tooltipText="kubectl-kubeplatform command copied"
        aria-label="Copy kubectl-kubeplatform command"
      />
    </Box>
  );
};
