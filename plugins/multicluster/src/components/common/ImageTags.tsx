import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { ImageTagView } from '../../view/clusterSummary';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    minWidth: 0,
  },
  tag: {
    fontFamily: 'monospace',
    fontSize: theme.typography.caption.fontSize,
    padding: theme.spacing(0, 0.5),
    borderRadius: theme.shape.borderRadius,
    maxWidth: '100%',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    border: `1px solid ${theme.palette.divider}`,
  },
  drift: {
    backgroundColor: theme.palette.warning.light,
    color: theme.palette.warning.contrastText,
    borderColor: theme.palette.warning.main,
    fontWeight: theme.typography.fontWeightBold as number,
  },
}));

function driftText(tag: ImageTagView): string {
  const others = Object.entries(tag.drift?.tagsByCluster ?? {})
    .map(([cluster, t]) => `${cluster}: ${t}`)
    .join(', ');
  return `Drift: ${tag.container} runs ${tag.tag} here; ${others}`;
}

/** The image tags a cluster runs; a tag that differs from most other clusters is highlighted. */
export function ImageTags(props: { images: ImageTagView[]; max?: number }) {
  const classes = useStyles();
  const max = props.max ?? 2;
  const shown = props.images.slice(0, max);
  const hidden = props.images.slice(max);
  return (
    <span className={classes.root}>
      {shown.map(image => {
        const title = image.drift
          ? driftText(image)
          : `${image.container}: ${image.image}`;
        return (
          <Tooltip
            key={`${image.workload}|${image.container}|${image.tag}`}
            title={title}
          >
            <span
              className={`${classes.tag} ${image.drift ? classes.drift : ''}`}
              data-testid={image.drift ? 'image-tag-drift' : 'image-tag'}
              aria-label={title}
            >
              {image.tag}
              {image.drift ? ' ≠' : ''}
            </span>
          </Tooltip>
        );
      })}
      {hidden.length > 0 && (
        <Tooltip title={hidden.map(i => `${i.container}: ${i.tag}`).join(', ')}>
          <span className={classes.tag}>+{hidden.length}</span>
        </Tooltip>
      )}
    </span>
  );
}
