import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useToneBackground } from '../common/toneColors';
import {
  UsageFigures,
  formatUsage,
  percentOf,
  resourceTitle,
  usageTone,
} from './usageFigures';

const useStyles = makeStyles(theme => ({
  root: { display: 'flex', flexDirection: 'column', minWidth: 140 },
  used: { fontWeight: theme.typography.fontWeightMedium as number },
  meter: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.75),
    whiteSpace: 'nowrap',
  },
  track: {
    position: 'relative',
    flex: '0 0 56px',
    height: 6,
    borderRadius: 3,
    backgroundColor: theme.palette.action.selected,
    overflow: 'hidden',
  },
  fill: { position: 'absolute', left: 0, top: 0, bottom: 0 },
  caption: { color: theme.palette.text.secondary },
}));

/**
 * One resource's use as upstream's ResourceUtilization shows it: the figure, then a bar and a
 * percentage against the request and against the limit, each with the figure it is measured
 * against. Colour always comes with the words.
 */
export function UsageMeters(props: {
  figures: UsageFigures;
  /** `requests`/`limits` for a workload's sums, `request`/`limit` for one pod. */
  plural?: boolean;
}) {
  const classes = useStyles();
  const { figures, plural } = props;
  if (figures.used === undefined) {
    return (
      <Typography variant="body2" color="textSecondary">
        —
      </Typography>
    );
  }
  const title = resourceTitle[figures.resource];
  const used = formatUsage(figures.resource, figures.used);
  const against = (['request', 'limit'] as const).filter(
    a => percentOf(figures.used, figures[a]) !== undefined,
  );
  return (
    <div
      className={classes.root}
      data-testid="usage-meters"
      data-resource={figures.resource}
    >
      <Typography variant="body2" className={classes.used}>
        {used}
      </Typography>
      {against.map(a => (
        <Meter
          key={a}
          title={title}
          used={used}
          percent={percentOf(figures.used, figures[a])!}
          against={a}
          of={formatUsage(figures.resource, figures[a])}
          plural={plural}
        />
      ))}
      {against.length === 0 && (
        <Typography variant="caption" className={classes.caption}>
          no request or limit
        </Typography>
      )}
    </div>
  );
}

function Meter(props: {
  title: string;
  used: string;
  percent: number;
  against: 'request' | 'limit';
  of: string;
  plural?: boolean;
}) {
  const classes = useStyles();
  const tones = useToneBackground();
  const tone = usageTone(props.percent, props.against);
  const noun = `${props.against}${props.plural ? 's' : ''}`;
  const label = `${props.title} ${props.used}: ${props.percent}% of ${noun} ${props.of}`;
  return (
    <div
      className={classes.meter}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.min(props.percent, 100)}
      aria-valuetext={`${props.percent}% of ${noun} ${props.of}`}
      data-testid="usage-meter"
      data-against={props.against}
      data-tone={tone}
      title={label}
    >
      <span className={classes.track}>
        <span
          className={`${classes.fill} ${tones[tone]}`}
          style={{ width: `${Math.min(props.percent, 100)}%` }}
        />
      </span>
      <Typography variant="caption" className={classes.caption}>
        {props.percent}% of {noun} {props.of}
      </Typography>
    </div>
  );
}
