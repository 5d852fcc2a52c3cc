import { InfoCard } from '@backstage/core-components';
import { useEntityAddress } from '../../hooks/useEntityAddress';
import { TimelinePanel } from './TimelinePanel';

/** The entity's "Timeline" tab: what changed in the service, where, and when. */
export function TimelineContent() {
  const entity = useEntityAddress();
  return (
    <InfoCard title="What changed, across clusters">
      <TimelinePanel entity={entity} />
    </InfoCard>
  );
}
