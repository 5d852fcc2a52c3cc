import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  MetricsStatus,
  WorkloadUsage,
} from '@kubeplatform/clusters-common';
import { MetricsNote } from './MetricsNote';
import { UsageMeters } from './UsageMeters';
import { usageSentence, workloadFigures } from './usageFigures';

const useStyles = makeStyles(theme => ({
  root: { marginTop: theme.spacing(1) },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: theme.spacing(3),
  },
  label: { display: 'block', color: theme.palette.text.secondary },
}));

/**
 * The workload's CPU and memory against its pods' requests and limits, for the drawer header;
 * or, when the cluster has no figures, why.
 */
export function WorkloadUsageSummary(props: {
  usage?: WorkloadUsage;
  metrics?: MetricsStatus;
}) {
  const classes = useStyles();
  const { usage, metrics } = props;
  if (!usage) {
    return metrics && metrics.state !== 'ok' ? (
      <div className={classes.root}>
        <MetricsNote metrics={metrics} />
      </div>
    ) : null;
  }
  const figures = workloadFigures(usage);
  return (
    <section
      className={classes.root}
      aria-label={`Usage: ${usageSentence(figures, true)}`}
      data-testid="workload-usage"
    >
      <div className={classes.row}>
        {figures.map(f => (
          <div key={f.resource}>
            <Typography variant="caption" className={classes.label}>
              {f.resource === 'cpu' ? 'CPU' : 'Memory'}
            </Typography>
            <UsageMeters figures={f} plural />
          </div>
        ))}
        <Typography variant="caption" className={classes.label}>
          from {usage.podsWithMetrics} of {usage.pods} pods
        </Typography>
      </div>
      <MetricsNote metrics={metrics} />
    </section>
  );
}
