import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { PodSummary } from '@kubeplatform/clusters-common';

const podKey = (p: PodSummary) => `${p.namespace}/${p.name}`;

/**
 * Two selects, a pod of the workload (the first 500) and a container of that pod; `idPrefix`
 * keeps their label ids unique on the page.
 */
export function PodContainerPicker(props: {
  idPrefix: string;
  className: string;
  pods: PodSummary[];
  pod?: PodSummary;
  onPodChange: (pod: PodSummary) => void;
  containers: string[];
  container?: string;
  onContainerChange: (container: string) => void;
  disabled?: boolean;
}) {
  const { idPrefix, className, pods, pod, containers, disabled } = props;
  return (
    <>
      <FormControl className={className} size="small">
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
      <FormControl className={className} size="small">
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
