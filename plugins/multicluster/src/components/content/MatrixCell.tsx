import { memo } from 'react';
import ButtonBase from '@material-ui/core/ButtonBase';
import TableCell from '@material-ui/core/TableCell';
import { makeStyles } from '@material-ui/core/styles';
import {
  ClusterView,
  VersionDrift,
  WorkloadSummary,
} from '@kubeplatform/clusters-common';
import {
  StatusLabel,
  hasData,
  healthLabel,
  syncLabel,
} from '../../view/clusterStatus';
import { autoscalerLevel, findDrift } from '../../view/clusterSummary';
import { useToneBorder } from '../common/toneColors';
import { usageSentence, workloadFigures } from '../metrics/usageFigures';

const useStyles = makeStyles(theme => ({
  td: { padding: theme.spacing(0.5) },
  cell: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    width: '100%',
    minWidth: 88,
    padding: theme.spacing(0.5, 1),
    borderLeft: '4px solid transparent',
    borderRadius: theme.shape.borderRadius,
    textAlign: 'left',
    '&:hover': { backgroundColor: theme.palette.action.hover },
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 1,
    },
  },
  label: {
    fontSize: theme.typography.caption.fontSize,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  marks: {
    fontSize: theme.typography.caption.fontSize,
    color: theme.palette.text.secondary,
  },
  empty: {
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
    padding: theme.spacing(0.5, 1),
  },
}));

/** One workload in one cluster: a button that opens the drawer. Memoised: moving focus in the grid re-renders only the two cells whose Tab stop changes. */
export const MatrixCell = memo(function MatrixCellView(props: {
  cluster: ClusterView;
  workload?: WorkloadSummary;
  drift: VersionDrift[];
  row: number;
  column: number;
  /** The one cell of the grid that the Tab key reaches. */
  tabbable: boolean;
  onOpen: (row: number, column: number) => void;
}) {
  const { cluster, workload, drift } = props;
  const sync = syncLabel(cluster.sync);
  let status: StatusLabel = workload
    ? healthLabel(workload.health)
    : { label: 'Not deployed', tone: 'neutral' };
  if (!hasData(cluster.sync) && sync) status = sync;
  const classes = useStyles();
  const tones = useToneBorder();
  const coordinates = { 'data-row': props.row, 'data-column': props.column };

  if (!workload) {
    return (
      <TableCell
        role="gridcell"
        className={`${classes.td} ${classes.empty}`}
        tabIndex={props.tabbable ? 0 : -1}
        aria-label={`${status.label} in ${cluster.cluster.name}`}
        {...coordinates}
      >
        {hasData(cluster.sync) ? '—' : status.label}
      </TableCell>
    );
  }
  const marks: string[] = [];
  if (workload.restarts.lastHour > 0)
    marks.push(`${workload.restarts.lastHour} restarts/h`);
  if (workload.autoscaler && autoscalerLevel(workload.autoscaler) === 'atMax')
    marks.push('HPA at max');
  if (
    workload.images.some(i =>
      findDrift(drift, cluster.cluster.name, workload, i.container),
    )
  ) {
    marks.push('drift');
  }
  if (sync && cluster.sync.state !== 'ok') marks.push(sync.label);
  const description = `${workload.kind} ${workload.name} in ${
    cluster.cluster.name
  }: ${status.label}, ${workload.replicas.ready} of ${
    workload.replicas.desired
  } ready${marks.length ? `, ${marks.join(', ')}` : ''}${
    workload.usage
      ? `. ${usageSentence(workloadFigures(workload.usage), true)}`
      : ''
  }`;
  return (
    <TableCell role="gridcell" className={classes.td}>
      <ButtonBase
        className={`${classes.cell} ${tones[status.tone]}`}
        onClick={() => props.onOpen(props.row, props.column)}
        // A ripple per cell mounts a transition group each; the focus outline is feedback enough.
        disableRipple
        aria-label={description}
        title={description}
        tabIndex={props.tabbable ? 0 : -1}
        data-testid={`cell-${workload.name}-${cluster.cluster.name}`}
        data-tone={status.tone}
        {...coordinates}
      >
        <span className={classes.label}>
          {status.label} · {workload.replicas.ready}/{workload.replicas.desired}
        </span>
        {marks.length > 0 && (
          <span className={classes.marks}>{marks.join(' · ')}</span>
        )}
      </ButtonBase>
    </TableCell>
  );
});
