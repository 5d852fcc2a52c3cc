import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { AutoscalerSummary } from '@kubeplatform/clusters-common';
import { autoscalerLevel } from '../../view/clusterSummary';
import { useToneBackground } from './toneColors';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    minWidth: 0,
  },
  track: {
    position: 'relative',
    flex: '1 1 auto',
    minWidth: 24,
    height: 8,
    borderRadius: 4,
    backgroundColor: theme.palette.action.selected,
    overflow: 'hidden',
  },
  min: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    width: 2,
    backgroundColor: theme.palette.text.secondary,
  },
  label: { whiteSpace: 'nowrap' },
}));

const levelTone = { atMax: 'error', nearMax: 'warning', ok: 'ok' } as const;

const levelText = {
  atMax: 'at max',
  nearMax: 'near max',
  ok: '',
} as const;

/**
 * Where the autoscaler's current replica count sits between its minimum and maximum. At or
 * near the maximum the bar turns red or amber and says so in words.
 */
export function HeadroomBar({ autoscaler }: { autoscaler: AutoscalerSummary }) {
  const classes = useStyles();
  const level = autoscalerLevel(autoscaler);
  const max = Math.max(autoscaler.maxReplicas, 1);
  const fill = Math.min(100, (autoscaler.currentReplicas / max) * 100);
  const minAt = Math.min(100, (autoscaler.minReplicas / max) * 100);
  const tone = levelTone[level];
  const target =
    autoscaler.targetCpuUtilization !== undefined
      ? ` of target ${autoscaler.targetCpuUtilization}%`
      : '';
  const cpu =
    autoscaler.currentCpuUtilization !== undefined
      ? `, CPU ${autoscaler.currentCpuUtilization}%${target}`
      : '';
  const description = `HPA ${autoscaler.name}: ${
    autoscaler.currentReplicas
  } replicas, min ${autoscaler.minReplicas}, max ${
    autoscaler.maxReplicas
  }${cpu}${level === 'ok' ? '' : ` (${levelText[level]})`}`;
  return (
    <Tooltip title={description}>
      <div
        className={classes.root}
        role="meter"
        aria-label={description}
        aria-valuemin={0}
        aria-valuemax={autoscaler.maxReplicas}
        aria-valuenow={autoscaler.currentReplicas}
        data-testid="headroom-bar"
        data-level={level}
      >
        <span className={classes.track}>
          <FillColor tone={tone} fill={fill} />
          <span className={classes.min} style={{ left: `${minAt}%` }} />
        </span>
        <Typography variant="caption" className={classes.label}>
          {autoscaler.currentReplicas}/{autoscaler.maxReplicas}
          {level !== 'ok' && <strong> {levelText[level]}</strong>}
        </Typography>
      </div>
    </Tooltip>
  );
}

function FillColor(props: { tone: 'error' | 'warning' | 'ok'; fill: number }) {
  const tones = useToneBackground();
  return (
    <span
      className={tones[props.tone]}
      style={{
        position: 'absolute',
        left: 0,
        top: 0,
        bottom: 0,
        width: `${props.fill}%`,
      }}
    />
  );
}
