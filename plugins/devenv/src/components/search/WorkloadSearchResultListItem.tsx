import { Link } from '@backstage/core-components';
import type { SearchResultListItemExtensionProps } from '@backstage/plugin-search-react';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import type { SearchDocument } from '@backstage/plugin-search-common';
import { WorkloadSearchDocument } from './documents';
import { ResultChips } from './ResultChips';

/** A search hit for a service that runs on Kubernetes: where it runs and how it is doing. */
export const WorkloadSearchResultListItem = (
  props: SearchResultListItemExtensionProps<{ result?: SearchDocument }>,
) => {
  const result = props.result as WorkloadSearchDocument | undefined;
  if (!result) return null;
  return (
    <ListItem alignItems="flex-start" divider>
      <ListItemText
        primary={<Link to={result.location}>{result.title}</Link>}
        secondary={
          <>
            Runs on {result.clusters.join(', ') || 'no cluster'} ·{' '}
            {result.health}
            <ResultChips
              labels={[
                ...result.regions,
                ...result.environments,
                ...result.images.slice(0, 3),
              ]}
            />
          </>
        }
        secondaryTypographyProps={{ component: 'div' }}
      />
    </ListItem>
  );
};
