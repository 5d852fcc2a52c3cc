import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  describeRolloutGroup,
  groupRollouts,
  TimelineEntry,
} from '@kubeplatform/clusters-common';

const useStyles = makeStyles(theme => ({
  list: { margin: theme.spacing(0, 0, 2), paddingLeft: theme.spacing(2.5) },
}));

/** One line per version: where it went and how long after the first cluster. */
export function RolloutSummary({ entries }: { entries: TimelineEntry[] }) {
  const classes = useStyles();
  const groups = groupRollouts(entries);
  if (!groups.length) return null;
  const workloads = new Set(groups.map(g => g.workload.name));
  return (
    <>
      <Typography variant="subtitle2" component="h3">
        Versions
      </Typography>
      <ul
        className={classes.list}
        aria-label="Versions"
        data-testid="rollout-summary"
      >
        {groups.map(group => (
          <li
            key={`${group.workload.kind}/${group.workload.name}/${group.version}`}
          >
            <Typography variant="body2">
              {workloads.size > 1 ? `${group.workload.name}: ` : ''}
              {describeRolloutGroup(group)}
              {group.reached[0] && (
                <Typography
                  component="span"
                  variant="caption"
                  color="textSecondary"
                >
                  {' · '}
                  first on{' '}
                  <time dateTime={group.reached[0].time}>
                    {new Date(group.reached[0].time).toLocaleString()}
                  </time>
                </Typography>
              )}
            </Typography>
          </li>
        ))}
      </ul>
    </>
  );
}
