import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Problem } from '@kubeplatform/clusters-common';
import { SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    minWidth: 0,
  },
  text: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
}));

/** A problem on one line: severity, code and message; the fix is in the tooltip. */
export function ProblemText({
  problem,
  extra,
}: {
  problem: Problem;
  extra?: number;
}) {
  const classes = useStyles();
  const title = `${problem.message} — Fix: ${problem.suggestedFix}`;
  return (
    <Tooltip title={title}>
      <span className={classes.root} aria-label={`${problem.code}: ${title}`}>
        <SeverityIcon severity={problem.severity} />
        <Typography variant="body2" component="span" className={classes.text}>
          <strong>{problem.code}</strong> {problem.object.name}
          {extra ? ` (+${extra} more)` : ''}
        </Typography>
      </span>
    </Tooltip>
  );
}
