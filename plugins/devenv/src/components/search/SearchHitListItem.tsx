import { Link } from '@backstage/core-components';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import type { ReactNode } from 'react';

/** One search hit: its title links to the hit, and the details go underneath. */
export const SearchHitListItem = (props: {
  title: string;
  location: string;
  children: ReactNode;
}) => (
  <ListItem alignItems="flex-start" divider>
    <ListItemText
      primary={<Link to={props.location}>{props.title}</Link>}
      secondary={props.children}
      secondaryTypographyProps={{ component: 'div' }}
    />
  </ListItem>
);
