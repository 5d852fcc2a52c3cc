import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { LiveConnection } from '../../hooks/useLiveEntityView';

const useStyles = makeStyles(theme => ({
  line: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  dot: ({ live }: { live: boolean }) => ({
    width: 8,
    height: 8,
    borderRadius: 4,
    backgroundColor: live
      ? theme.palette.success.main
      : theme.palette.warning.main,
  }),
}));

const stateTexts: Record<LiveConnection['state'], string> = {
  live: 'Live',
  connecting: 'Connecting',
  reconnecting: 'Reconnecting',
  failed: 'Disconnected',
};

function time(date: Date): string {
  return date.toLocaleTimeString(undefined, { hour12: false });
}

/** "Live · updated 12:03:04", and a banner while the stream is down. */
export function LiveStatus(props: {
  connection: LiveConnection;
  onRetry?: () => void;
}) {
  const { state, lastUpdated, error, retryInSeconds } = props.connection;
  const classes = useStyles({ live: state === 'live' });
  const stateText = stateTexts[state];
  return (
    <>
      {(state === 'reconnecting' || state === 'failed') && lastUpdated && (
        <Alert
          severity="warning"
          role="status"
          data-testid="reconnect-banner"
          action={
            props.onRetry && (
              <Button color="inherit" size="small" onClick={props.onRetry}>
                Retry now
              </Button>
            )
          }
        >
          {state === 'failed'
            ? 'Live updates stopped'
            : `Live updates dropped; reconnecting${
                retryInSeconds !== undefined ? ` in ${retryInSeconds} s` : ''
              }`}
          . Showing data from {time(lastUpdated)}.
          {error ? ` (${error.message})` : ''}
        </Alert>
      )}
      <div className={classes.line}>
        <span className={classes.dot} aria-hidden />
        <Typography
          variant="caption"
          color="textSecondary"
          data-testid="last-updated"
        >
          {stateText}
          {lastUpdated && (
            <>
              {' · updated '}
              <time dateTime={lastUpdated.toISOString()}>
                {time(lastUpdated)}
              </time>
            </>
          )}
        </Typography>
      </div>
    </>
  );
}
