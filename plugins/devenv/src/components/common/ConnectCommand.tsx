import { CopyTextButton } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { EnvironmentConnection } from '@kubeplatform/clusters-common';

/** The command that connects to an environment, with a copy button. Never holds a token. */
export const ConnectCommand = ({
  connection,
  wrap = false,
}: {
  connection: EnvironmentConnection;
  /** Show the whole command; otherwise one line, cut off, with the whole command as a tooltip. */
  wrap?: boolean;
}) => {
  if (connection.kind === 'none') {
    return (
      <Typography variant="body2" color="textSecondary">
        No connection details for this class
      </Typography>
    );
  }
  return (
    <Box display="flex" alignItems="center">
      <Box
        component="code"
        fontFamily="monospace"
        fontSize="0.8rem"
        title={connection.command}
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
        {connection.command}
      </Box>
      <CopyTextButton
        text={connection.command}
        tooltipText="Connect command copied"
        aria-label="Copy connect command"
      />
    </Box>
  );
};
