import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApiHolder } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AutoscalerSummary,
  PodSummary,
  WorkloadKind,
} from '@kubeplatform/clusters-common';
import { ReactNode, useId, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  AllowedActions,
  EntityAddress,
  MulticlusterActionsApi,
  multiclusterActionsApiRef,
  WorkloadAddress,
} from '../../api';
import { useViewerAuth } from '../../hooks/useViewerAuth';

const RESTARTABLE: WorkloadKind[] = ['Deployment', 'StatefulSet', 'DaemonSet'];
const SCALABLE: WorkloadKind[] = ['Deployment', 'StatefulSet'];

/** Why a button is disabled, naming the permission the user lacks. */
export function missingPermission(permission: string) {
  return `You do not have the permission ${permission} on this entity.`;
}

/** The actions API (absent in apps that do not provide it) and what the user may do. */
export function useAllowedActions(entity: EntityAddress): {
  api?: MulticlusterActionsApi;
  allowed?: AllowedActions;
  error?: Error;
} {
  const api = useApiHolder().get(multiclusterActionsApiRef);
  const viewerAuth = useViewerAuth();
  const state = useAsync(
    async () =>
      api ? api.getAllowedActions(entity, { viewerAuth }) : undefined,
    [api, viewerAuth, entity.kind, entity.namespace, entity.name],
  );
  return { api, allowed: state.value, error: state.error };
}

/** The backend's own explanation (e.g. the allowed replica range), not just the status line. */
function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) return error.body.error.message;
  return error instanceof Error ? error.message : String(error);
}

type Outcome = { severity: 'success' | 'error'; message: string };

/**
 * One action at a time: `busy` while it runs, then its outcome (the message it returns, or the
 * backend's error); `onDone` after a success, and `close` either way.
 */
function useActionRunner(onDone: () => void, close: () => void) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      setOutcome({ severity: 'success', message: await action() });
      onDone();
    } catch (error) {
      setOutcome({ severity: 'error', message: errorMessage(error) });
    } finally {
      setBusy(false);
      close();
    }
  };
  return { busy, outcome, clearOutcome: () => setOutcome(undefined), run };
}

function ConfirmDialog(props: {
  open: boolean;
  title: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Dialog
      open={props.open}
      onClose={props.onCancel}
      aria-labelledby={titleId}
    >
      <DialogTitle id={titleId}>{props.title}</DialogTitle>
      <DialogContent>{props.children}</DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel} disabled={props.busy}>
          Cancel
        </Button>
        <Button
          color="primary"
          variant="contained"
          onClick={props.onConfirm}
          disabled={props.busy}
        >
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Restart and scale buttons for the drawer's workload, each confirmed first. */
export function WorkloadActions(props: {
  address: WorkloadAddress;
  api: MulticlusterActionsApi;
  allowed: AllowedActions;
  replicas: number;
  autoscaler?: AutoscalerSummary;
  /** Called after an action succeeded, to reload the detail. */
  onDone: () => void;
}) {
  const { address, api, allowed, autoscaler } = props;
  const viewerAuth = useViewerAuth();
  const { kind, name } = address.workload;
  const [dialog, setDialog] = useState<'restart' | 'scale'>();
  const [replicas, setReplicas] = useState(String(props.replicas));
  const { busy, outcome, clearOutcome, run } = useActionRunner(
    props.onDone,
    () => setDialog(undefined),
  );
  const replicasId = useId();
  const canRestart = RESTARTABLE.includes(kind);
  const canScale = SCALABLE.includes(kind);
  if (!canRestart && !canScale) return null;
  const what = `${kind} ${name} in ${address.cluster}`;

  const reasons = [
    canRestart &&
      !allowed.restart.allowed &&
      `Restart: ${missingPermission('multicluster.workload.restart')}`,
    canScale &&
      !allowed.scale.allowed &&
      `Scale: ${missingPermission('multicluster.workload.scale')}`,
  ].filter((r): r is string => Boolean(r));

  return (
    <Box data-testid="workload-actions" mt={1}>
      <Box display="flex" style={{ gap: 8 }}>
        {canRestart && (
          <Button
            size="small"
            variant="outlined"
            disabled={!allowed.restart.allowed || busy}
            onClick={() => setDialog('restart')}
          >
            Restart
          </Button>
        )}
        {canScale && (
          <Button
            size="small"
            variant="outlined"
            disabled={!allowed.scale.allowed || busy}
            onClick={() => {
              setReplicas(String(props.replicas));
              setDialog('scale');
            }}
          >
            Scale
          </Button>
        )}
      </Box>
      {reasons.map(reason => (
        <Typography
          key={reason}
          variant="caption"
          color="textSecondary"
          component="p"
        >
          {reason}
        </Typography>
      ))}
      {outcome && (
        <Box mt={1}>
          <Alert severity={outcome.severity} onClose={clearOutcome}>
            {outcome.message}
          </Alert>
        </Box>
      )}
      <ConfirmDialog
        open={dialog === 'restart'}
        title={`Restart ${what}?`}
        confirmLabel="Restart"
        busy={busy}
        onCancel={() => setDialog(undefined)}
        onConfirm={() =>
          run(async () => {
            await api.restartWorkload(address, { viewerAuth });
            return `Restart of ${what} requested; its pods are being replaced.`;
          })
        }
      >
        <DialogContentText>
          Every pod is replaced, following the workload's rollout strategy.
        </DialogContentText>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'scale'}
        title={`Scale ${what}`}
        confirmLabel="Scale"
        busy={busy}
        onCancel={() => setDialog(undefined)}
        onConfirm={() =>
          run(async () => {
            const result = await api.scaleWorkload(address, Number(replicas), {
              viewerAuth,
            });
            return `${what} scaled to ${result.replicas} replicas.`;
          })
        }
      >
        <DialogContentText>
          Now {props.replicas} replicas.
          {autoscaler &&
            ` The HorizontalPodAutoscaler ${autoscaler.name} keeps it between ${autoscaler.minReplicas} and ${autoscaler.maxReplicas}.`}
        </DialogContentText>
        <TextField
          id={replicasId}
          label="Replicas"
          type="number"
          value={replicas}
          onChange={e => setReplicas(e.target.value)}
          inputProps={{
            min: autoscaler?.minReplicas ?? 0,
            ...(autoscaler && { max: autoscaler.maxReplicas }),
          }}
        />
      </ConfirmDialog>
    </Box>
  );
}

/** The uid of a pod, when the backend sent one: a delete needs it. */
function podUid(pod: PodSummary): string | undefined {
  return 'uid' in pod && typeof pod.uid === 'string' ? pod.uid : undefined;
}

/** A pods-table button that deletes one pod, confirmed first. */
export function DeletePodButton(props: {
  entity: EntityAddress;
  cluster: string;
  pod: PodSummary;
  api: MulticlusterActionsApi;
  allowed: AllowedActions;
  onDone: () => void;
}) {
  const { pod } = props;
  const [open, setOpen] = useState(false);
  const { busy, outcome, run } = useActionRunner(props.onDone, () =>
    setOpen(false),
  );
  const viewerAuth = useViewerAuth();
  const uid = podUid(pod);
  let reason: string | undefined;
  if (!props.allowed.deletePod.allowed) {
    reason = missingPermission('multicluster.pods.delete');
  } else if (!uid) {
    reason = 'The backend did not send the pod uid that a delete needs.';
  }
  const confirm = async () => {
    if (!uid) return;
    await run(async () => {
      await props.api.deletePod(
        {
          entity: props.entity,
          cluster: props.cluster,
          pod: { namespace: pod.namespace, name: pod.name, uid },
        },
        { viewerAuth },
      );
      return `Pod ${pod.name} deleted.`;
    });
  };
  return (
    <>
      <span title={reason}>
        <Button
          size="small"
          disabled={Boolean(reason) || busy}
          onClick={() => setOpen(true)}
          aria-label={`Delete ${pod.name}`}
        >
          Delete
        </Button>
      </span>
      {outcome && (
        <Typography
          variant="caption"
          role="status"
          color={outcome.severity === 'error' ? 'error' : 'textPrimary'}
        >
          {outcome.message}
        </Typography>
      )}
      <ConfirmDialog
        open={open}
        title={`Delete pod ${pod.name} in ${props.cluster}?`}
        confirmLabel="Delete"
        busy={busy}
        onCancel={() => setOpen(false)}
        onConfirm={confirm}
      >
        <DialogContentText>
          Its controller, if any, starts a replacement.
        </DialogContentText>
      </ConfirmDialog>
    </>
  );
}
