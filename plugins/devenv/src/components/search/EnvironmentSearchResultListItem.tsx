import { ExpiryCountdown } from '../common/ExpiryCountdown';
import { EnvironmentSearchDocument } from './documents';
import { ResultChips } from './ResultChips';
import { searchHitListItem } from './searchHitListItem';

/** A search hit for a development environment: who owns it, where, and when it expires. */
export const EnvironmentSearchResultListItem =
  searchHitListItem<EnvironmentSearchDocument>(result => (
    <>
      Development environment of {result.owner} on {result.cluster} ·{' '}
      <ExpiryCountdown expiresAt={result.expiresAt} />
      <ResultChips labels={[result.class, result.status]} />
    </>
  ));
