import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { EntityAddress } from '../../api';
import { LoadingSkeleton } from '../common/LoadingSkeleton';
import { RequestErrorPanel } from '../common/RequestErrorPanel';
import { Timeline } from './Timeline';
import { useEntityTimeline } from './useEntityTimeline';

/** Loads the entity's timeline and shows it, or its loading and error states. */
export function TimelinePanel(props: {
  entity: EntityAddress;
  workload?: { kind: string; name: string };
  refreshKey?: string;
}) {
  const { value, loading, error, retry } = useEntityTimeline(
    props.entity,
    props.refreshKey,
  );
  if (error) {
    return (
      <RequestErrorPanel
        title="Could not load the timeline"
        error={error}
        onRetry={retry}
      />
    );
  }
  if (!value) return <LoadingSkeleton rows={6} label="Loading timeline" />;
  return (
    <>
      <Box display="flex" justifyContent="flex-end">
        <Button size="small" onClick={retry} disabled={loading}>
          {loading ? 'Refreshing…' : 'Refresh'}
        </Button>
      </Box>
      <Timeline timeline={value} workload={props.workload} />
    </>
  );
}
