import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { PodSummary } from '@kubeplatform/clusters-common';
import { useMemo, useState } from 'react';
import { EntityAddress } from '../../../api';
import { LoadingSkeleton } from '../../common/LoadingSkeleton';
import {
  PodContainerPicker,
  PodControls,
  usePodContainerSelection,
} from '../PodContainerPicker';
import { TerminalState, TerminalView } from './TerminalView';
import { TerminalTarget } from './terminalUrls';
import { useTerminalCheck } from './useTerminalCheck';

function describeState(state: TerminalState | undefined): string {
  if (!state) return 'Not connected';
  switch (state.phase) {
    case 'connecting':
      return 'Connecting…';
    case 'open':
      return 'Connected';
    case 'error':
      return `Could not connect: ${state.message}`;
    default:
      return `Closed (${state.code})${state.reason ? `: ${state.reason}` : ''}`;
  }
}

/**
 * A terminal in a container of one of the workload's pods. The backend runs a fixed shell with
 * the cluster's credential; opening it needs multicluster.pods.exec, which is checked first so
 * that a refusal shows its reason and the button stays disabled.
 */
export function PodTerminal(props: {
  entity: EntityAddress;
  cluster: string;
  pods: PodSummary[];
  pod?: PodSummary;
  onPodChange: (pod: PodSummary) => void;
}) {
  const { entity, cluster, pod } = props;
  const selection = usePodContainerSelection(props);
  const [connected, setConnected] = useState(false);
  const [state, setState] = useState<TerminalState>();
  const activeContainer = selection.container;
  const target = useMemo<TerminalTarget | undefined>(
    () =>
      pod && activeContainer
        ? {
            entity,
            cluster,
            namespace: pod.namespace,
            pod: pod.name,
            container: activeContainer,
          }
        : undefined,
    [entity, cluster, pod, activeContainer],
  );
  const check = useTerminalCheck(target);
  const refusal = check.value;
  const live = state?.phase === 'connecting' || state?.phase === 'open';

  return (
    <div data-testid="pod-terminal">
      <PodControls>
        <PodContainerPicker
          idPrefix="mc-terminal"
          {...selection}
          disabled={connected}
        />
        {connected ? (
          <Button
            size="small"
            variant="outlined"
            onClick={() => setConnected(false)}
          >
            {live ? 'Disconnect' : 'Close'}
          </Button>
        ) : (
          <Button
            size="small"
            variant="contained"
            color="primary"
            disabled={check.loading || !!refusal || !!check.error}
            title={refusal?.reason}
            onClick={() => {
              setState(undefined);
              setConnected(true);
            }}
          >
            Connect
          </Button>
        )}
        <Typography
          variant="body2"
          color="textSecondary"
          data-testid="pod-terminal-state"
          role="status"
        >
          {connected ? describeState(state) : 'Not connected'}
        </Typography>
      </PodControls>
      {check.loading && <LoadingSkeleton rows={1} label="Checking access" />}
      {(refusal || check.error) && (
        <Alert severity="info" data-testid="pod-terminal-refused">
          {refusal?.reason ?? String(check.error)}
        </Alert>
      )}
      {connected && target && (
        <TerminalView target={target} onState={setState} />
      )}
      <Typography variant="caption" color="textSecondary">
        The terminal runs the shell your administrator configured, in the
        container, with the cluster's credential; it is audited and closes after
        a time limit or when your access ends.
      </Typography>
    </div>
  );
}
