import type { EntityAddress } from '../../api';
import type { LiveConnection } from '../../hooks/useLiveEntityView';
import { RequestErrorPanel } from './RequestErrorPanel';

/**
 * The entity's live view could not be loaded: names the entity, says why, and counts down to
 * the next retry unless the backend refused in a way a retry cannot fix.
 */
export function EntityViewErrorPanel(props: {
  address: EntityAddress;
  error: Error;
  connection: LiveConnection;
  onRetry: () => void;
}) {
  const { address, error, connection, onRetry } = props;
  return (
    <RequestErrorPanel
      title={`Could not load the Kubernetes view of ${address.kind}:${address.namespace}/${address.name}`}
      error={error}
      onRetry={onRetry}
      retryInSeconds={
        connection.state === 'failed' ? undefined : connection.retryInSeconds
      }
    />
  );
}
