import ErrorIcon from '@material-ui/icons/Error';
import WarningIcon from '@material-ui/icons/Warning';
import InfoIcon from '@material-ui/icons/Info';
import { makeStyles } from '@material-ui/core/styles';
import { ProblemSeverity } from '@kubeplatform/clusters-common';

const useStyles = makeStyles(theme => ({
  warning: { color: theme.palette.warning.main },
}));

/** The problem's severity as an icon with an accessible name. */
export function SeverityIcon({ severity }: { severity: ProblemSeverity }) {
  const classes = useStyles();
  const props = { fontSize: 'small' as const, titleAccess: severity };
  if (severity === 'error') return <ErrorIcon color="error" {...props} />;
  if (severity === 'warning')
    return <WarningIcon className={classes.warning} {...props} />;
  return <InfoIcon color="primary" {...props} />;
}
