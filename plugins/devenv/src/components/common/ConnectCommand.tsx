import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { Environment } from '@kubeplatform/clusters-common';
import { CredentialPluginCommand } from '../cli/CredentialPluginCommand';
import { CopyableCommand } from './CopyableCommand';
import { DownloadKubeconfigButton } from './DownloadKubeconfigButton';

/**
 * The command that connects to an environment, with a copy button, and for a kubeconfig the
 * Download kubeconfig button. Never holds a token.
 */
export const ConnectCommand = ({
  environment,
  wrap = false,
}: {
  environment: Pick<Environment, 'cluster' | 'name' | 'connection'>;
  /** Show the whole command; otherwise one line, cut off, with the whole command as a tooltip. */
  wrap?: boolean;
}) => {
  const { connection } = environment;
  if (connection.kind === 'none') {
    return (
      <Typography variant="body2" color="textSecondary">
        No connection details for this class
      </Typography>
    );
  }
  const command = (
    <CopyableCommand
      command={connection.command}
      wrap={wrap}
      copiedText="Connect command copied"
      copyLabel="Copy connect command"
    />
  );
  if (connection.kind !== 'kubeconfig') {
    return command;
  }
  return (
    <Box>
      {command}
      <CredentialPluginCommand
        cluster={environment.cluster}
        name={environment.name}
        wrap={wrap}
      />
      {wrap && (
        <Typography variant="body2" color="textSecondary">
          The first command needs a Backstage token in $BACKSTAGE_TOKEN;
          Download kubeconfig is the no-token way: it uses your Backstage
          sign-in. So is kubectl-kubeplatform: it signs in through your browser
          once.
        </Typography>
      )}
      <DownloadKubeconfigButton
        cluster={environment.cluster}
        name={environment.name}
      />
    </Box>
  );
};
