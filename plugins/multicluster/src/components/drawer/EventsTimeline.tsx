import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EventSummary } from '@kubeplatform/clusters-common';
import { useState } from 'react';
import Button from '@material-ui/core/Button';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    borderLeft: `3px solid ${theme.palette.divider}`,
    padding: theme.spacing(0.5, 1.5),
    marginBottom: theme.spacing(0.5),
  },
  warning: { borderLeftColor: theme.palette.warning.main },
  meta: {
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
  message: { wordBreak: 'break-word' },
}));

const latest = (e: EventSummary) => e.lastSeen ?? e.firstSeen ?? '';

/** Events newest first; Warning events are marked. */
export function EventsTimeline({ events }: { events: EventSummary[] }) {
  const classes = useStyles();
  const [limit, setLimit] = useState(50);
  if (events.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No events in the last hour. Kubernetes keeps events for about an hour.
      </Typography>
    );
  }
  const sorted = [...events].sort((a, b) => latest(b).localeCompare(latest(a)));
  return (
    <>
      <ol
        className={classes.list}
        aria-label="Events"
        data-testid="events-timeline"
      >
        {sorted.slice(0, limit).map((e, i) => (
          <li
            key={`${e.reason}-${e.involvedObject.name}-${latest(e)}-${i}`}
            className={`${classes.item} ${
              e.type === 'Warning' ? classes.warning : ''
            }`}
          >
            <div className={classes.meta}>
              {latest(e) ? (
                <time dateTime={latest(e)}>
                  {new Date(latest(e)).toLocaleString()}
                </time>
              ) : (
                'time unknown'
              )}
              {' · '}
              {e.type} · {e.involvedObject.kind} {e.involvedObject.name}
              {e.count > 1 ? ` · ×${e.count}` : ''}
            </div>
            <Typography variant="body2" className={classes.message}>
              <strong>{e.reason}</strong> {e.message}
            </Typography>
          </li>
        ))}
      </ol>
      {sorted.length > limit && (
        <Button size="small" onClick={() => setLimit(l => l + 100)}>
          Show more ({sorted.length - limit} left)
        </Button>
      )}
    </>
  );
}
