import { SIMULATE_LABEL, Simulation } from './simulations';
import {
  ContainerStatus,
  eachContainerAfterItsLastStatus,
  podConditions,
  podStatusTemplate,
} from './podStatusTemplate';

/**
 * kwok Stages for pods (kwok.x-k8s.io/v1alpha1, kwok v0.7). Giving kwok any pod Stage replaces
 * all of its default pod Stages, so the "fast" defaults (ready, complete, delete) are restated
 * here, minus pods that carry the simulate label. Node Stages stay kwok's defaults.
 */
type Stage = Record<string, unknown>;

interface MatchExpression {
  key: string;
  operator: 'In' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

interface StageEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/** One row of the table below: a pod Stage that patches the pod's status. */
interface PodStatusStage {
  name: string;
  selector: MatchExpression[];
  delay?: { durationMilliseconds: number; jitterDurationMilliseconds: number };
  event?: StageEvent;
  statusTemplate: string;
}

const labelKey = `.metadata.labels["${SIMULATE_LABEL}"]`;
const notDeleting: MatchExpression = {
  key: '.metadata.deletionTimestamp',
  operator: 'DoesNotExist',
};
const notStarted: MatchExpression = {
  key: '.status.podIP',
  operator: 'DoesNotExist',
};
const started: MatchExpression = { key: '.status.podIP', operator: 'Exists' };
const unlabelled: MatchExpression = { key: labelKey, operator: 'DoesNotExist' };
const simulating = (value: Simulation): MatchExpression => ({
  key: labelKey,
  operator: 'In',
  values: [value],
});

const backOff: StageEvent = {
  type: 'Warning',
  reason: 'BackOff',
  message: 'Back-off restarting failed container',
};

/** The container's last run ended in an error. */
const crashed = { exitCode: 1, reason: 'Error' };

const running: ContainerStatus['state'] = { running: true };

/** A container that does not run: it never started, or it ended. */
const notRunning = { ready: false, started: false, restartCount: 0 } as const;

const crashLoopBackOff = (backOffTime: string): ContainerStatus['state'] => ({
  waiting: {
    reason: 'CrashLoopBackOff',
    message: (c, pod) =>
      `printf "back-off ${backOffTime} restarting failed container=%s pod=%s" ${c(
        'name',
      )} ${pod}.metadata.name`,
  },
});

const podStatusStages: PodStatusStage[] = [
  {
    name: 'pod-ready',
    selector: [notDeleting, notStarted, unlabelled],
    statusTemplate: podStatusTemplate({
      conditions: podConditions.ready,
      container: {
        ready: true,
        started: true,
        restartCount: 0,
        state: running,
      },
      addresses: 'host-and-pod',
      phase: 'Running',
    }),
  },
  {
    name: 'pod-complete',
    selector: [
      notDeleting,
      unlabelled,
      { key: '.status.phase', operator: 'In', values: ['Running'] },
      {
        key: '.metadata.ownerReferences.[].kind',
        operator: 'In',
        values: ['Job'],
      },
    ],
    delay: { durationMilliseconds: 5000, jitterDurationMilliseconds: 10000 },
    statusTemplate: podStatusTemplate({
      conditions: podConditions.completed,
      container: {
        ...notRunning,
        state: { terminated: { exitCode: 0, reason: 'Completed' } },
      },
      phase: 'Succeeded',
      keepsStartTime: true,
    }),
  },
  // First crash: the container exited with an error and the kubelet backs off.
  {
    name: 'kubeplatform-crashloop-start',
    selector: [notDeleting, notStarted, simulating('crashloop')],
    event: backOff,
    statusTemplate: podStatusTemplate({
      conditions: podConditions.containersNotReady,
      container: {
        ready: false,
        started: false,
        restartCount: 1,
        lastTerminated: crashed,
        state: crashLoopBackOff('10s'),
      },
      addresses: 'host-and-pod',
      phase: 'Running',
    }),
  },
  // Every later crash: kwok matches this Stage again after each patch, so the restart count keeps
  // growing, one restart per delay, like a kubelet restarting a crashing container. It patches
  // only the container statuses.
  {
    name: 'kubeplatform-crashloop-restart',
    selector: [notDeleting, simulating('crashloop'), started],
    delay: { durationMilliseconds: 30000, jitterDurationMilliseconds: 40000 },
    event: backOff,
    statusTemplate: podStatusTemplate({
      containers: eachContainerAfterItsLastStatus,
      container: {
        ready: false,
        started: false,
        restartCount: 'one more than before',
        lastTerminated: crashed,
        state: crashLoopBackOff('5m0s'),
      },
      keepsStartTime: true,
    }),
  },
  {
    name: 'kubeplatform-image-pull-backoff',
    selector: [
      notDeleting,
      simulating('image-pull-backoff'),
      { key: '.status.containerStatuses', operator: 'DoesNotExist' },
    ],
    event: {
      type: 'Warning',
      reason: 'Failed',
      message:
        'Failed to pull image: manifest unknown: requested image tag not found',
    },
    statusTemplate: podStatusTemplate({
      conditions: podConditions.containersNotReady,
      container: {
        ...notRunning,
        state: {
          waiting: {
            reason: 'ImagePullBackOff',
            message: c => `printf "Back-off pulling image %q" ${c('image')}`,
          },
        },
      },
      // The pod never got an IP: no container ever started.
      addresses: 'host',
      phase: 'Pending',
    }),
  },
  // The container ran out of memory once, was killed with exit code 137, and runs again.
  {
    name: 'kubeplatform-oom-killed',
    selector: [notDeleting, notStarted, simulating('oom-killed')],
    statusTemplate: podStatusTemplate({
      conditions: podConditions.ready,
      container: {
        ready: true,
        started: true,
        restartCount: 1,
        lastTerminated: { exitCode: 137, reason: 'OOMKilled' },
        state: running,
      },
      addresses: 'host-and-pod',
      phase: 'Running',
    }),
  },
  // The container runs but its readiness probe keeps failing, so a rollout can never finish.
  {
    name: 'kubeplatform-never-ready',
    selector: [notDeleting, notStarted, simulating('never-ready')],
    event: {
      type: 'Warning',
      reason: 'Unhealthy',
      message: 'Readiness probe failed: HTTP probe failed with statuscode: 503',
    },
    statusTemplate: podStatusTemplate({
      conditions: podConditions.containersNotReady,
      container: {
        ready: false,
        started: true,
        restartCount: 0,
        state: running,
      },
      addresses: 'host-and-pod',
      phase: 'Running',
    }),
  },
  // The container exits with an error: a Job's pod fails and the Job controller retries.
  {
    name: 'kubeplatform-fail',
    selector: [notDeleting, notStarted, simulating('fail')],
    delay: { durationMilliseconds: 2000, jitterDurationMilliseconds: 4000 },
    statusTemplate: podStatusTemplate({
      conditions: podConditions.containersNotReady,
      container: {
        ...notRunning,
        state: { terminated: { ...crashed, message: 'index rebuild failed' } },
      },
      addresses: 'host-and-pod',
      phase: 'Failed',
    }),
  },
];

function stage(name: string, spec: Record<string, unknown>): Stage {
  return {
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'Stage',
    metadata: { name },
    spec: { resourceRef: { apiGroup: 'v1', kind: 'Pod' }, ...spec },
  };
}

function podStatusStage(row: PodStatusStage): Stage {
  const { name, selector, delay, event, statusTemplate } = row;
  return stage(name, {
    selector: { matchExpressions: selector },
    ...(delay ? { delay } : {}),
    next: { ...(event ? { event } : {}), statusTemplate },
  });
}

const podDelete = stage('pod-delete', {
  selector: {
    matchExpressions: [
      { key: '.metadata.deletionTimestamp', operator: 'Exists' },
    ],
  },
  next: { finalizers: { empty: true }, delete: true },
});

export function kwokPodStages(): Stage[] {
  const [ready, complete, ...simulations] = podStatusStages.map(podStatusStage);
  return [ready, complete, podDelete, ...simulations];
}
