import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  EntityTimeline,
  TIMELINE_ENTRY_TYPES,
  TimelineEntryType,
} from '@kubeplatform/clusters-common';
import { useMemo, useState } from 'react';
import { syncLabel } from '../../view/clusterStatus';
import { StatusBadge } from '../common/StatusBadge';
import { RolloutSummary } from './RolloutSummary';
import { TimelineList } from './TimelineList';
import { TIMELINE_TYPE_LABELS } from './timelineLabels';

const ALL = '';

/**
 * The change timeline: which version reached which cluster when, then every entry newest first,
 * filterable by cluster and type. With `workload`, only that workload's entries (the drawer).
 */
export function Timeline(props: {
  timeline: EntityTimeline;
  workload?: { kind: string; name: string };
  now?: number;
}) {
  const { timeline, workload } = props;
  const [cluster, setCluster] = useState(ALL);
  const [types, setTypes] = useState<TimelineEntryType[]>([]);
  const ofWorkload = useMemo(
    () =>
      timeline.entries.filter(
        e =>
          !workload ||
          (e.workload.kind === workload.kind &&
            e.workload.name === workload.name),
      ),
    [timeline, workload],
  );
  const inCluster = ofWorkload.filter(e => !cluster || e.cluster === cluster);
  const shown = inCluster.filter(
    e => types.length === 0 || types.includes(e.type),
  );
  const toggle = (type: TimelineEntryType) =>
    setTypes(current =>
      current.includes(type)
        ? current.filter(t => t !== type)
        : [...current, type],
    );
  const missing = timeline.clusters.filter(c => c.sync.state !== 'ok');

  return (
    <div data-testid="multicluster-timeline">
      {missing.length > 0 && (
        <Box mb={1} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
          <Typography variant="body2" color="textSecondary">
            Incomplete history:
          </Typography>
          {missing.map(c => {
            const label = syncLabel(c.sync);
            return (
              <span key={c.name}>
                <Typography variant="body2" component="span">
                  {c.name} {label ? '' : `(${c.sync.state})`}
                </Typography>
                {label && <StatusBadge status={label} />}
              </span>
            );
          })}
        </Box>
      )}
      <RolloutSummary entries={inCluster} />
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        mb={1}
        style={{ gap: 8 }}
      >
        <TextField
          select
          size="small"
          variant="outlined"
          label="Cluster"
          value={cluster}
          onChange={e => setCluster(e.target.value)}
          style={{ minWidth: 160 }}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          inputProps={{ 'aria-label': 'Cluster' }}
        >
          <option value={ALL}>All clusters</option>
          {timeline.clusters.map(c => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </TextField>
        <div role="group" aria-label="Types">
          {TIMELINE_ENTRY_TYPES.map(type => (
            <Chip
              key={type}
              size="small"
              label={TIMELINE_TYPE_LABELS[type]}
              clickable
              color={types.includes(type) ? 'primary' : 'default'}
              aria-pressed={types.includes(type)}
              onClick={() => toggle(type)}
              style={{ marginRight: 4 }}
            />
          ))}
        </div>
      </Box>
      {shown.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {ofWorkload.length === 0
            ? 'Nothing recorded yet. The timeline shows the ReplicaSet revisions Kubernetes keeps and the events of the last hour.'
            : 'Nothing matches the filter.'}
        </Typography>
      ) : (
        <TimelineList entries={shown} now={props.now} />
      )}
      {timeline.truncated && (
        <Typography variant="caption" color="textSecondary">
          Older entries were left out; filter by cluster or type to see them.
        </Typography>
      )}
    </div>
  );
}
