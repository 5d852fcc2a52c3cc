import type { EntityAddress } from '../../api';
import type { LiveConnection } from '../../hooks/useLiveEntityView';
import { LoadingSkeleton } from './LoadingSkeleton';
import { RequestErrorPanel } from './RequestErrorPanel';

/**
 * What stands in for the entity's live view until it arrives: the error that stops it (naming
 * the entity, and counting down to the next retry unless the backend refused in a way a retry
 * cannot fix), or a skeleton of `skeletonRows` rows while it loads.
 */
export function EntityViewPending(props: {
  address: EntityAddress;
  connection: LiveConnection;
  onRetry: () => void;
  skeletonRows: number;
}) {
  const { address, connection, onRetry } = props;
  if (!connection.error) {
    return (
      <LoadingSkeleton rows={props.skeletonRows} label="Loading clusters" />
    );
  }
  return (
    <RequestErrorPanel
      title={`Could not load the Kubernetes view of ${address.kind}:${address.namespace}/${address.name}`}
      error={connection.error}
      onRetry={onRetry}
      retryInSeconds={
        connection.state === 'failed' ? undefined : connection.retryInSeconds
      }
    />
  );
}
