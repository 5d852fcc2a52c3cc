import { CopyTextButton } from '@backstage/core-components';
import Box from '@material-ui/core/Box';

/**
 * A shell command with a copy button: whole when `wrap`, otherwise one line cut off, with the
 * whole command as a tooltip.
 */
export const CopyableCommand = ({
  command,
  wrap,
  copiedText,
  copyLabel,
}: {
  command: string;
  wrap: boolean;
  copiedText: string;
  copyLabel: string;
}) => (
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
      tooltipText={copiedText}
      aria-label={copyLabel}
    />
  </Box>
);
