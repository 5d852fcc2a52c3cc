import { Link } from '@backstage/core-components';
import type { SearchDocument } from '@backstage/plugin-search-common';
import type { SearchResultListItemExtensionProps } from '@backstage/plugin-search-react';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import type { ReactNode } from 'react';

/**
 * The search result item for one kind of document: its title links to the hit, and what
 * `describe` says of the hit goes underneath. It shows nothing without a result.
 */
export function searchHitListItem<TDocument extends SearchDocument>(
  describe: (result: TDocument) => ReactNode,
) {
  return (
    props: SearchResultListItemExtensionProps<{ result?: SearchDocument }>,
  ) => {
    const result = props.result as TDocument | undefined;
    if (!result) return null;
    return (
      <ListItem alignItems="flex-start" divider>
        <ListItemText
          primary={<Link to={result.location}>{result.title}</Link>}
          secondary={describe(result)}
          secondaryTypographyProps={{ component: 'div' }}
        />
      </ListItem>
    );
  };
}
