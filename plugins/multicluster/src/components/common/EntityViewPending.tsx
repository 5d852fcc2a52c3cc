import { useEntityAddress } from '../../hooks/useEntityAddress';
import type { LiveEntityView } from '../../hooks/useLiveEntityView';
import { LoadingSkeleton } from './LoadingSkeleton';
import { RequestErrorPanel } from './RequestErrorPanel';

/**
 * What stands in for the entity's live view until it arrives: the error that stops it (naming
 * the current entity, and counting down to the next retry unless the backend refused in a way a retry
 * cannot fix), or a skeleton of `skeletonRows` rows while it loads.
 */
export function EntityViewPending(props: {
  live: Pick<LiveEntityView, 'connection' | 'retry'>;
  skeletonRows: number;
}) {
  const address = useEntityAddress();
  const { connection, retry } = props.live;
  if (!connection.error) {
    return (
      <LoadingSkeleton rows={props.skeletonRows} label="Loading clusters" />
    );
  }
  return (
    <RequestErrorPanel
      title={`Could not load the Kubernetes view of ${address.kind}:${address.namespace}/${address.name}`}
      error={connection.error}
      onRetry={retry}
      retryInSeconds={
        connection.state === 'failed' ? undefined : connection.retryInSeconds
      }
    />
  );
}
