import { TimelineEntry } from '@kubeplatform/clusters-common';
import { useState } from 'react';
import {
  EntryMessage,
  ShowMoreEntries,
  useEntryListStyles,
} from '../common/EntryList';
import { formatAge } from '../../view/clusterStatus';
import { TIMELINE_TYPE_LABELS } from './timelineLabels';

/** Timeline entries, newest first, 50 at a time. */
export function TimelineList(props: {
  entries: TimelineEntry[];
  now?: number;
}) {
  const classes = useEntryListStyles();
  const [limit, setLimit] = useState(50);
  const now = props.now ?? Date.now();
  return (
    <>
      <ol
        className={classes.list}
        aria-label="Timeline"
        data-testid="timeline-entries"
      >
        {props.entries.slice(0, limit).map(e => (
          <li
            key={e.id}
            data-type={e.type}
            data-cluster={e.cluster}
            className={`${classes.item} ${
              e.severity === 'warning' ? classes.warning : ''
            } ${e.type === 'rollout' ? classes.rollout : ''}`}
          >
            <div className={classes.meta}>
              <time dateTime={e.time}>{new Date(e.time).toLocaleString()}</time>
              {` (${formatAge((now - Date.parse(e.time)) / 1000)} ago)`}
              {' · '}
              <strong>{e.cluster}</strong> · {TIMELINE_TYPE_LABELS[e.type]}
              {e.severity === 'warning' ? ' · Warning' : ''} · {e.workload.kind}{' '}
              {e.namespace}/{e.workload.name}
              {e.object ? ` · ${e.object.kind} ${e.object.name}` : ''}
              {e.count ? ` · ×${e.count}` : ''}
            </div>
            <EntryMessage reason={e.reason} message={e.message} />
          </li>
        ))}
      </ol>
      <ShowMoreEntries
        total={props.entries.length}
        limit={limit}
        onLimitChange={setLimit}
      />
    </>
  );
}
