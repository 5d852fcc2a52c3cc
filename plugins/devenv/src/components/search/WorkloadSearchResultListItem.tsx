import { WorkloadSearchDocument } from './documents';
import { ResultChips } from './ResultChips';
import { searchHitListItem } from './searchHitListItem';

/** A search hit for a service that runs on Kubernetes: where it runs and how it is doing. */
export const WorkloadSearchResultListItem =
  searchHitListItem<WorkloadSearchDocument>(result => (
    <>
      Runs on {result.clusters.join(', ') || 'no cluster'} · {result.health}
      <ResultChips
        labels={[
          ...result.regions,
          ...result.environments,
          ...result.images.slice(0, 3),
        ]}
      />
    </>
  ));
