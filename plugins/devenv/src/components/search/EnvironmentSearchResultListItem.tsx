import { Link } from '@backstage/core-components';
import type { SearchDocument } from '@backstage/plugin-search-common';
import type { SearchResultListItemExtensionProps } from '@backstage/plugin-search-react';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { ExpiryCountdown } from '../common/ExpiryCountdown';
import { EnvironmentSearchDocument } from './documents';
import { ResultChips } from './ResultChips';

/** A search hit for a development environment: who owns it, where, and when it expires. */
export const EnvironmentSearchResultListItem = (
  props: SearchResultListItemExtensionProps<{ result?: SearchDocument }>,
) => {
  const result = props.result as EnvironmentSearchDocument | undefined;
  if (!result) return null;
  return (
    <ListItem alignItems="flex-start" divider>
      <ListItemText
        primary={<Link to={result.location}>{result.title}</Link>}
        secondary={
          <>
            Development environment of {result.owner} on {result.cluster} ·{' '}
            <ExpiryCountdown expiresAt={result.expiresAt} />
            <ResultChips labels={[result.class, result.status]} />
          </>
        }
        secondaryTypographyProps={{ component: 'div' }}
      />
    </ListItem>
  );
};
