import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { makeStyles } from '@material-ui/core/styles';
import { PodSummary } from '@kubeplatform/clusters-common';
import { ReactNode, useState } from 'react';

const useStyles = makeStyles(theme => ({
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(1),
  },
  select: { minWidth: 160, maxWidth: 320 },
}));

const podKey = (p: PodSummary) => `${p.namespace}/${p.name}`;

/** The pod chosen by the drawer and a container of it: the one picked, else the first. */
export interface PodContainerSelection {
  pods: PodSummary[];
  pod?: PodSummary;
  onPodChange: (pod: PodSummary) => void;
  containers: string[];
  container?: string;
  onContainerChange: (container: string) => void;
}

export function usePodContainerSelection(props: {
  pods: PodSummary[];
  pod?: PodSummary;
  onPodChange: (pod: PodSummary) => void;
}): PodContainerSelection {
  const [picked, setPicked] = useState<string>();
  const containers = props.pod?.containers.map(c => c.name) ?? [];
  return {
    pods: props.pods,
    pod: props.pod,
    onPodChange: props.onPodChange,
    containers,
    container: picked && containers.includes(picked) ? picked : containers[0],
    onContainerChange: setPicked,
  };
}

/** The row of controls above a pod's log or terminal. */
export function PodControls(props: { children: ReactNode }) {
  const classes = useStyles();
  return <div className={classes.controls}>{props.children}</div>;
}

/**
 * Two selects, a pod of the workload (the first 500) and a container of that pod; `idPrefix`
 * keeps their label ids unique on the page.
 */
export function PodContainerPicker(
  props: PodContainerSelection & { idPrefix: string; disabled?: boolean },
) {
  const classes = useStyles();
  const { idPrefix, pods, pod, containers, disabled } = props;
  return (
    <>
      <FormControl className={classes.select} size="small">
        <InputLabel id={`${idPrefix}-pod`}>Pod</InputLabel>
        <Select
          labelId={`${idPrefix}-pod`}
          value={pod ? podKey(pod) : ''}
          disabled={disabled}
          onChange={e => {
            const next = pods.find(p => podKey(p) === e.target.value);
            if (next) props.onPodChange(next);
          }}
        >
          {pods.slice(0, 500).map(p => (
            <MenuItem key={podKey(p)} value={podKey(p)}>
              {p.name}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl className={classes.select} size="small">
        <InputLabel id={`${idPrefix}-container`}>Container</InputLabel>
        <Select
          labelId={`${idPrefix}-container`}
          value={props.container ?? ''}
          disabled={disabled}
          onChange={e => props.onContainerChange(String(e.target.value))}
        >
          {containers.map(c => (
            <MenuItem key={c} value={c}>
              {c}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
    </>
  );
}
