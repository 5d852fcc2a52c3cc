import { Link } from '@backstage/core-components';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ClusterView, VersionDrift } from '@kubeplatform/clusters-common';
import {
  StatusLabel,
  clusterBadge,
  formatAge,
  hasData,
  showsData,
  syncAgeSeconds,
  syncLabel,
} from '../../view/clusterStatus';
import { summariseCluster } from '../../view/clusterSummary';
import { HeadroomBar } from '../common/HeadroomBar';
import { ImageTags } from '../common/ImageTags';
import { ProblemText } from '../common/ProblemText';
import { StatusBadge } from '../common/StatusBadge';
import { TruncatedText } from '../common/TruncatedText';

const useStyles = makeStyles(theme => ({
  row: {
    '& td': {
      paddingTop: theme.spacing(0.5),
      paddingBottom: theme.spacing(0.5),
    },
  },
  stale: { '& td': { opacity: 0.75 } },
  short: {
    color: theme.palette.error.main,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  restarts: {
    color: theme.palette.warning.dark,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  nameCell: {},
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(0.25),
  },
  nowrap: { whiteSpace: 'nowrap' },
  hpaCell: {},
  imageCell: {},
  problemCell: {},
  problemBox: { overflow: 'hidden' },
}));

const dash = (
  <Typography variant="body2" color="textSecondary" component="span">
    —
  </Typography>
);

/** One cluster on one compact row: name and state, replicas and restarts, HPA, image, top problem. */
export function ClusterRow(props: {
  cluster: ClusterView;
  drift: VersionDrift[];
}) {
  const classes = useStyles();
  const { cluster, drift } = props;
  const name = cluster.cluster.title ?? cluster.cluster.name;
  const withData = showsData(cluster);
  const summary = summariseCluster(cluster, drift);
  const sync = syncLabel(cluster.sync);
  const badge = clusterBadge(cluster);
  const keptAge = syncAgeSeconds(cluster.sync);
  const kept: StatusLabel | undefined =
    withData && !hasData(cluster.sync)
      ? {
          label:
            keptAge === undefined
              ? 'last data'
              : `last data · ${formatAge(keptAge)}`,
          tone: 'neutral',
          detail: 'The numbers are from before the cluster failed',
        }
      : undefined;
  let problem = dash;
  if (!hasData(cluster.sync) && badge.detail) {
    problem = <TruncatedText text={badge.detail} />;
  } else if (summary.topProblem) {
    problem = (
      <ProblemText
        problem={summary.topProblem}
        extra={summary.problemCount - 1}
      />
    );
  }
  return (
    <TableRow
      className={`${classes.row} ${
        cluster.sync.state !== 'ok' ? classes.stale : ''
      }`}
      data-testid={`cluster-row-${cluster.cluster.name}`}
      data-tone={badge.tone}
    >
      <TableCell className={classes.nameCell} component="th" scope="row">
        {cluster.cluster.dashboardUrl ? (
          <Link
            to={cluster.cluster.dashboardUrl}
            aria-label={`${name} dashboard`}
          >
            <TruncatedText text={name} />
          </Link>
        ) : (
          <TruncatedText text={name} />
        )}
        <span className={classes.badges}>
          <StatusBadge status={badge} testId="cluster-badge" />
          {withData && sync && sync !== badge && (
            <StatusBadge status={sync} testId="cluster-sync-badge" />
          )}
          {kept && <StatusBadge status={kept} testId="cluster-kept-badge" />}
        </span>
      </TableCell>
      <TableCell className={classes.nowrap}>
        {withData ? (
          <>
            <span
              className={
                summary.ready < summary.desired ? classes.short : undefined
              }
              aria-label={`${summary.ready} of ${summary.desired} replicas ready`}
            >
              {summary.ready}/{summary.desired}
            </span>
            <Typography
              variant="caption"
              display="block"
              color="textSecondary"
              className={
                summary.restartsLastHour > 0 ? classes.restarts : undefined
              }
              aria-label={`${summary.restartsLastHour} restarts in the last hour`}
            >
              ↻ {summary.restartsLastHour}/h
            </Typography>
          </>
        ) : (
          dash
        )}
      </TableCell>
      <TableCell className={classes.hpaCell}>
        {withData && summary.autoscaler ? (
          <HeadroomBar autoscaler={summary.autoscaler} />
        ) : (
          dash
        )}
      </TableCell>
      <TableCell className={classes.imageCell}>
        {withData ? <ImageTags images={summary.images} max={1} /> : dash}
      </TableCell>
      <TableCell className={classes.problemCell}>
        <div className={classes.problemBox}>{problem}</div>
      </TableCell>
    </TableRow>
  );
}
