import type { SearchDocument } from '@backstage/plugin-search-common';
import type { SearchResultListItemExtensionProps } from '@backstage/plugin-search-react';
import { WorkloadSearchDocument } from './documents';
import { ResultChips } from './ResultChips';
import { SearchHitListItem } from './SearchHitListItem';

/** A search hit for a service that runs on Kubernetes: where it runs and how it is doing. */
export const WorkloadSearchResultListItem = (
  props: SearchResultListItemExtensionProps<{ result?: SearchDocument }>,
) => {
  const result = props.result as WorkloadSearchDocument | undefined;
  if (!result) return null;
  return (
    <SearchHitListItem title={result.title} location={result.location}>
      Runs on {result.clusters.join(', ') || 'no cluster'} · {result.health}
      <ResultChips
        labels={[
          ...result.regions,
          ...result.environments,
          ...result.images.slice(0, 3),
        ]}
      />
    </SearchHitListItem>
  );
};
