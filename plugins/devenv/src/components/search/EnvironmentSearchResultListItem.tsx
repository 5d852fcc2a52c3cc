import type { SearchDocument } from '@backstage/plugin-search-common';
import type { SearchResultListItemExtensionProps } from '@backstage/plugin-search-react';
import { ExpiryCountdown } from '../common/ExpiryCountdown';
import { EnvironmentSearchDocument } from './documents';
import { ResultChips } from './ResultChips';
import { SearchHitListItem } from './SearchHitListItem';

/** A search hit for a development environment: who owns it, where, and when it expires. */
export const EnvironmentSearchResultListItem = (
  props: SearchResultListItemExtensionProps<{ result?: SearchDocument }>,
) => {
  const result = props.result as EnvironmentSearchDocument | undefined;
  if (!result) return null;
  return (
    <SearchHitListItem title={result.title} location={result.location}>
      Development environment of {result.owner} on {result.cluster} ·{' '}
      <ExpiryCountdown expiresAt={result.expiresAt} />
      <ResultChips labels={[result.class, result.status]} />
    </SearchHitListItem>
  );
};
