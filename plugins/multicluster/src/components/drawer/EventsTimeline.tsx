import Typography from '@material-ui/core/Typography';
import { EventSummary } from '@kubeplatform/clusters-common';
import { useState } from 'react';
import {
  EntryMessage,
  ShowMoreEntries,
  useEntryListStyles,
} from '../common/EntryList';

const latest = (e: EventSummary) => e.lastSeen ?? e.firstSeen ?? '';

/** Events newest first; Warning events are marked. */
export function EventsTimeline({ events }: { events: EventSummary[] }) {
  const classes = useEntryListStyles();
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
            <EntryMessage reason={e.reason} message={e.message} />
          </li>
        ))}
      </ol>
      <ShowMoreEntries
        total={sorted.length}
        limit={limit}
        onLimitChange={setLimit}
      />
    </>
  );
}
