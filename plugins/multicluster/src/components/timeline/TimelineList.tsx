import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { TimelineEntry } from '@kubeplatform/clusters-common';
import { useState } from 'react';
import { formatAge } from '../../view/clusterStatus';
import { TIMELINE_TYPE_LABELS } from './timelineLabels';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    borderLeft: `3px solid ${theme.palette.divider}`,
    padding: theme.spacing(0.5, 1.5),
    marginBottom: theme.spacing(0.5),
  },
  rollout: { borderLeftColor: theme.palette.primary.main },
  warning: { borderLeftColor: theme.palette.warning.main },
  meta: {
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
  message: { wordBreak: 'break-word' },
}));

/** Timeline entries, newest first, 50 at a time. */
export function TimelineList(props: {
  entries: TimelineEntry[];
  now?: number;
}) {
  const classes = useStyles();
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
            <Typography variant="body2" className={classes.message}>
              <strong>{e.reason}</strong> {e.message}
            </Typography>
          </li>
        ))}
      </ol>
      {props.entries.length > limit && (
        <Button size="small" onClick={() => setLimit(l => l + 100)}>
          Show more ({props.entries.length - limit} left)
        </Button>
      )}
    </>
  );
}
