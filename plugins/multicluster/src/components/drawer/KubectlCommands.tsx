import { CopyTextButton } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { KubectlCommands as Commands } from '@kubeplatform/clusters-common';

const useStyles = makeStyles(theme => ({
  item: { display: 'block', paddingLeft: 0 },
  line: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  code: {
    flex: '1 1 auto',
    minWidth: 0,
    overflowX: 'auto',
    whiteSpace: 'pre',
    fontFamily: 'monospace',
    fontSize: theme.typography.caption.fontSize,
    padding: theme.spacing(0.5, 1),
    backgroundColor: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
  },
}));

/** Copyable kubectl commands for this exact context, namespace and object. */
export function KubectlCommands({ kubectl }: { kubectl: Commands }) {
  const classes = useStyles();
  return (
    <div data-testid="kubectl-commands">
      <Typography variant="caption" color="textSecondary">
        Context <code>{kubectl.context}</code>
      </Typography>
      <List dense disablePadding>
        {kubectl.commands.map(c => (
          <ListItem key={c.command} className={classes.item}>
            <Typography variant="body2">{c.title}</Typography>
            <div className={classes.line}>
              <code className={classes.code}>{c.command}</code>
              <CopyTextButton
                text={c.command}
                tooltipText="Copied"
                aria-label={`Copy: ${c.title}`}
              />
            </div>
          </ListItem>
        ))}
      </List>
    </div>
  );
}
