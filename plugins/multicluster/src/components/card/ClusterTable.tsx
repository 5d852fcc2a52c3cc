import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { EntityView } from '@kubeplatform/clusters-common';
import { Fragment, type ReactNode } from 'react';
import { groupClusters, NO_REGION } from '../../view/grouping';
import { ClusterRow } from './ClusterRow';

const useStyles = makeStyles(theme => ({
  scroll: { overflowX: 'auto' },
  head: { whiteSpace: 'nowrap' },
  // Fixed layout with set column widths: the card fits its column at any width, and long
  // values are cut with an ellipsis (full text in a tooltip) instead of widening the table.
  table: {
    tableLayout: 'fixed',
    width: '100%',
    '& td, & th': { padding: theme.spacing(0.5, 1), overflow: 'hidden' },
  },
  environment: {
    '& th': {
      backgroundColor: theme.palette.background.default,
      textTransform: 'capitalize',
      fontWeight: theme.typography.fontWeightBold as number,
      paddingTop: theme.spacing(1),
      paddingBottom: theme.spacing(0.5),
    },
  },
  region: {
    '& th': {
      color: theme.palette.text.secondary,
      fontSize: theme.typography.caption.fontSize,
      paddingTop: theme.spacing(0.5),
      paddingBottom: theme.spacing(0.25),
      paddingLeft: theme.spacing(3),
    },
  },
}));

const columns = ['Cluster', 'Ready', 'Autoscaling', 'Image', 'Top problem'];
const columnWidths = ['22%', '11%', '21%', '14%', '32%'];

/** A full-width row that names the group of cluster rows under it (an environment or a region). */
function GroupHeaderRow(props: { className: string; children: ReactNode }) {
  return (
    <TableRow className={props.className} data-testid="group-header">
      <TableCell component="th" scope="rowgroup" colSpan={columns.length}>
        {props.children}
      </TableCell>
    </TableRow>
  );
}

/** Every cluster, grouped by environment then region, worst first inside each group. */
export function ClusterTable({ view }: { view: EntityView }) {
  const classes = useStyles();
  const groups = groupClusters(view.clusters);
  return (
    <div className={classes.scroll}>
      <Table size="small" aria-label="Clusters" className={classes.table}>
        <colgroup>
          {columnWidths.map((width, i) => (
            <col key={columns[i]} style={{ width }} />
          ))}
        </colgroup>
        <TableHead>
          <TableRow>
            {columns.map(c => (
              <TableCell key={c} className={classes.head}>
                {c}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {groups.map(env => (
            <Fragment key={env.environment}>
              <GroupHeaderRow className={classes.environment}>
                {env.environment}
              </GroupHeaderRow>
              {env.regions.map(region => (
                <Fragment key={region.region}>
                  {(env.regions.length > 1 || region.region !== NO_REGION) && (
                    <GroupHeaderRow className={classes.region}>
                      {region.region}
                    </GroupHeaderRow>
                  )}
                  {region.clusters.map(cluster => (
                    <ClusterRow
                      key={cluster.cluster.name}
                      cluster={cluster}
                      drift={view.drift}
                    />
                  ))}
                </Fragment>
              ))}
            </Fragment>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
