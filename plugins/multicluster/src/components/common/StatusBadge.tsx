import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { StatusLabel } from '../../view/clusterStatus';
import { useToneFill } from './toneColors';

const useStyles = makeStyles(theme => ({
  badge: {
    display: 'inline-block',
    padding: theme.spacing(0.25, 1),
    borderRadius: theme.shape.borderRadius,
    fontSize: theme.typography.caption.fontSize,
    fontWeight: theme.typography.fontWeightMedium as number,
    lineHeight: 1.6,
    whiteSpace: 'nowrap',
  },
}));

/** A coloured badge that always carries its meaning as text, not as colour alone. */
export function StatusBadge(props: { status: StatusLabel; testId?: string }) {
  const { status } = props;
  const classes = useStyles();
  const tones = useToneFill();
  const badge = (
    <span
      className={`${classes.badge} ${tones[status.tone]}`}
      data-testid={props.testId}
      data-tone={status.tone}
      aria-label={
        status.detail ? `${status.label}: ${status.detail}` : undefined
      }
    >
      {status.label}
    </span>
  );
  return status.detail ? (
    <Tooltip title={status.detail}>{badge}</Tooltip>
  ) : (
    badge
  );
}
