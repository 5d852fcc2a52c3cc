import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

/** Styles of a list of dated entries (events, timeline): a bar on the left, marked by kind. */
export const useEntryListStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    borderLeft: `3px solid ${theme.palette.divider}`,
    padding: theme.spacing(0.5, 1.5),
    marginBottom: theme.spacing(0.5),
  },
  rollout: { borderLeftColor: theme.palette.primary.main },
  warning: { borderLeftColor: theme.palette.warning.main },
  meta: {
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
  message: { wordBreak: 'break-word' },
}));

/** "Show more" while `total` exceeds `limit`; each press shows 100 more. */
export function ShowMoreEntries(props: {
  total: number;
  limit: number;
  onLimitChange: (limit: number) => void;
}) {
  const { total, limit } = props;
  if (total <= limit) return null;
  return (
    <Button size="small" onClick={() => props.onLimitChange(limit + 100)}>
      Show more ({total - limit} left)
    </Button>
  );
}

/** An entry's reason, in bold, then its message. */
export function EntryMessage(props: { reason?: string; message?: string }) {
  const classes = useEntryListStyles();
  return (
    <Typography variant="body2" className={classes.message}>
      <strong>{props.reason}</strong> {props.message}
    </Typography>
  );
}
