import { WarningPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ResponseError } from '@backstage/errors';

const statusTexts: Record<number, string> = {
  401: 'not signed in or the session expired (401)',
  403: 'you are not allowed to see this (403)',
  404: 'not found (404)',
};

/** What went wrong, in words: the status the backend gave, or the client's own failure. */
export function describeError(error: Error): string {
  if (error instanceof ResponseError) {
    const status = error.response.status;
    const why =
      statusTexts[status] ??
      (status >= 500
        ? `the multicluster backend failed (${status})`
        : `the multicluster backend refused the request (${status})`);
    const body = error.body?.error?.message;
    return `${why}${body ? `: ${body}` : ''} — ${error.response.url}`;
  }
  return error.message;
}

/**
 * An error that stays inside its card: says what failed and where, offers a retry, and never
 * takes the rest of the entity page down with it.
 */
export function RequestErrorPanel(props: {
  title: string;
  error: Error;
  onRetry?: () => void;
  retryInSeconds?: number;
}) {
  return (
    <WarningPanel severity="error" title={props.title} defaultExpanded>
      <div data-testid="request-error">
        <Typography variant="body2" paragraph>
          {describeError(props.error)}
        </Typography>
        {props.retryInSeconds !== undefined && (
          <Typography variant="body2" paragraph>
            Retrying in {props.retryInSeconds} s.
          </Typography>
        )}
        {props.onRetry && (
          <Button variant="outlined" size="small" onClick={props.onRetry}>
            Retry now
          </Button>
        )}
      </div>
    </WarningPanel>
  );
}
