import { SIMULATE_LABEL, Simulation } from './simulations';

/**
 * kwok Stages for pods (kwok.x-k8s.io/v1alpha1, kwok v0.7). Giving kwok any pod Stage replaces
 * all of its default pod Stages, so the "fast" defaults (ready, complete, delete) are restated
 * here, minus pods that carry the simulate label. Node Stages stay kwok's defaults.
 */
type Stage = Record<string, unknown>;

const podRef = { apiGroup: 'v1', kind: 'Pod' };
const labelKey = `.metadata.labels["${SIMULATE_LABEL}"]`;
const notDeleting = {
  key: '.metadata.deletionTimestamp',
  operator: 'DoesNotExist',
};
const notStarted = { key: '.status.podIP', operator: 'DoesNotExist' };
const unlabelled = { key: labelKey, operator: 'DoesNotExist' };
const simulating = (value: Simulation) => ({
  key: labelKey,
  operator: 'In',
  values: [value],
});

function stage(name: string, spec: Record<string, unknown>): Stage {
  return {
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'Stage',
    metadata: { name },
    spec: { resourceRef: podRef, ...spec },
  };
}

/** Conditions of a pod that runs but is not Ready. */
const notReadyConditions = `
conditions:
- type: Initialized
  status: "True"
  lastTransitionTime: {{ $now | Quote }}
- type: Ready
  status: "False"
  reason: ContainersNotReady
  message: {{ printf "containers with unready status: [%s]" (index .spec.containers 0).name | Quote }}
  lastTransitionTime: {{ $now | Quote }}
- type: ContainersReady
  status: "False"
  reason: ContainersNotReady
  message: {{ printf "containers with unready status: [%s]" (index .spec.containers 0).name | Quote }}
  lastTransitionTime: {{ $now | Quote }}`;

const addresses = `
hostIP: {{ NodeIPWith .spec.nodeName | Quote }}
podIP: {{ PodIPWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid "" ) ( or .metadata.name "" ) ( or .metadata.namespace "" ) | Quote }}`;

const podReady = stage('pod-ready', {
  selector: { matchExpressions: [notDeleting, notStarted, unlabelled] },
  next: {
    statusTemplate: `{{ $now := Now }}
conditions:
- lastTransitionTime: {{ $now | Quote }}
  status: "True"
  type: Initialized
- lastTransitionTime: {{ $now | Quote }}
  status: "True"
  type: Ready
- lastTransitionTime: {{ $now | Quote }}
  status: "True"
  type: ContainersReady
containerStatuses:
{{ range .spec.containers }}
- image: {{ .image | Quote }}
  name: {{ .name | Quote }}
  ready: true
  restartCount: 0
  started: true
  state:
    running:
      startedAt: {{ $now | Quote }}
{{ end }}
${addresses}
phase: Running
startTime: {{ $now | Quote }}`,
  },
});

const podComplete = stage('pod-complete', {
  selector: {
    matchExpressions: [
      notDeleting,
      unlabelled,
      { key: '.status.phase', operator: 'In', values: ['Running'] },
      {
        key: '.metadata.ownerReferences.[].kind',
        operator: 'In',
        values: ['Job'],
      },
    ],
  },
  delay: { durationMilliseconds: 5000, jitterDurationMilliseconds: 10000 },
  next: {
    statusTemplate: `{{ $now := Now }}
conditions:
- lastTransitionTime: {{ $now | Quote }}
  status: "False"
  reason: PodCompleted
  type: Ready
- lastTransitionTime: {{ $now | Quote }}
  status: "False"
  reason: PodCompleted
  type: ContainersReady
containerStatuses:
{{ range .spec.containers }}
- image: {{ .image | Quote }}
  name: {{ .name | Quote }}
  ready: false
  restartCount: 0
  started: false
  state:
    terminated:
      exitCode: 0
      finishedAt: {{ $now | Quote }}
      reason: Completed
      startedAt: {{ $now | Quote }}
{{ end }}
phase: Succeeded`,
  },
});

const podDelete = stage('pod-delete', {
  selector: {
    matchExpressions: [
      { key: '.metadata.deletionTimestamp', operator: 'Exists' },
    ],
  },
  next: { finalizers: { empty: true }, delete: true },
});

/** First crash: the container exited with an error and the kubelet backs off. */
const crashLoopStart = stage('kubeplatform-crashloop-start', {
  selector: {
    matchExpressions: [notDeleting, notStarted, simulating('crashloop')],
  },
  next: {
    event: {
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container',
    },
    statusTemplate: `{{ $now := Now }}
${notReadyConditions}
containerStatuses:
{{ range .spec.containers }}
- image: {{ .image | Quote }}
  name: {{ .name | Quote }}
  ready: false
  restartCount: 1
  started: false
  lastState:
    terminated:
      exitCode: 1
      reason: Error
      startedAt: {{ $now | Quote }}
      finishedAt: {{ $now | Quote }}
  state:
    waiting:
      reason: CrashLoopBackOff
      message: {{ printf "back-off 10s restarting failed container=%s pod=%s" .name $.metadata.name | Quote }}
{{ end }}
${addresses}
phase: Running
startTime: {{ $now | Quote }}`,
  },
});

/**
 * Every later crash: kwok matches this Stage again after each patch, so the restart count keeps
 * growing, one restart per delay, like a kubelet restarting a crashing container.
 */
const crashLoopRestart = stage('kubeplatform-crashloop-restart', {
  selector: {
    matchExpressions: [
      notDeleting,
      simulating('crashloop'),
      { key: '.status.podIP', operator: 'Exists' },
    ],
  },
  delay: { durationMilliseconds: 30000, jitterDurationMilliseconds: 40000 },
  next: {
    event: {
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container',
    },
    statusTemplate: `{{ $now := Now }}
{{ $root := . }}
containerStatuses:
{{ range $index, $item := .spec.containers }}
{{ $origin := index $root.status.containerStatuses $index }}
- image: {{ $item.image | Quote }}
  name: {{ $item.name | Quote }}
  ready: false
  restartCount: {{ add1 $origin.restartCount }}
  started: false
  lastState:
    terminated:
      exitCode: 1
      reason: Error
      startedAt: {{ $now | Quote }}
      finishedAt: {{ $now | Quote }}
  state:
    waiting:
      reason: CrashLoopBackOff
      message: {{ printf "back-off 5m0s restarting failed container=%s pod=%s" $item.name $root.metadata.name | Quote }}
{{ end }}`,
  },
});

const imagePullBackOff = stage('kubeplatform-image-pull-backoff', {
  selector: {
    matchExpressions: [
      notDeleting,
      simulating('image-pull-backoff'),
      { key: '.status.containerStatuses', operator: 'DoesNotExist' },
    ],
  },
  next: {
    event: {
      type: 'Warning',
      reason: 'Failed',
      message:
        'Failed to pull image: manifest unknown: requested image tag not found',
    },
    statusTemplate: `{{ $now := Now }}
${notReadyConditions}
containerStatuses:
{{ range .spec.containers }}
- image: {{ .image | Quote }}
  name: {{ .name | Quote }}
  ready: false
  restartCount: 0
  started: false
  state:
    waiting:
      reason: ImagePullBackOff
      message: {{ printf "Back-off pulling image %q" .image | Quote }}
{{ end }}
hostIP: {{ NodeIPWith .spec.nodeName | Quote }}
phase: Pending
startTime: {{ $now | Quote }}`,
  },
});

/** The container ran out of memory once, was killed with exit code 137, and runs again. */
const oomKilled = stage('kubeplatform-oom-killed', {
  selector: {
    matchExpressions: [notDeleting, notStarted, simulating('oom-killed')],
  },
  next: {
    statusTemplate: `{{ $now := Now }}
conditions:
- type: Initialized
  status: "True"
  lastTransitionTime: {{ $now | Quote }}
- type: Ready
  status: "True"
  lastTransitionTime: {{ $now | Quote }}
- type: ContainersReady
  status: "True"
  lastTransitionTime: {{ $now | Quote }}
containerStatuses:
{{ range .spec.containers }}
- image: {{ .image | Quote }}
  name: {{ .name | Quote }}
  ready: true
  restartCount: 1
  started: true
  lastState:
    terminated:
      exitCode: 137
      reason: OOMKilled
      startedAt: {{ $now | Quote }}
      finishedAt: {{ $now | Quote }}
  state:
    running:
      startedAt: {{ $now | Quote }}
{{ end }}
${addresses}
phase: Running
startTime: {{ $now | Quote }}`,
  },
});

/** The container runs but its readiness probe keeps failing, so a rollout can never finish. */
const neverReady = stage('kubeplatform-never-ready', {
  selector: {
    matchExpressions: [notDeleting, notStarted, simulating('never-ready')],
  },
  next: {
    event: {
      type: 'Warning',
      reason: 'Unhealthy',
      message: 'Readiness probe failed: HTTP probe failed with statuscode: 503',
    },
    statusTemplate: `{{ $now := Now }}
${notReadyConditions}
containerStatuses:
{{ range .spec.containers }}
- image: {{ .image | Quote }}
  name: {{ .name | Quote }}
  ready: false
  restartCount: 0
  started: true
  state:
    running:
      startedAt: {{ $now | Quote }}
{{ end }}
${addresses}
phase: Running
startTime: {{ $now | Quote }}`,
  },
});

/** The container exits with an error: a Job's pod fails and the Job controller retries. */
const fail = stage('kubeplatform-fail', {
  selector: { matchExpressions: [notDeleting, notStarted, simulating('fail')] },
  delay: { durationMilliseconds: 2000, jitterDurationMilliseconds: 4000 },
  next: {
    statusTemplate: `{{ $now := Now }}
${notReadyConditions}
containerStatuses:
{{ range .spec.containers }}
- image: {{ .image | Quote }}
  name: {{ .name | Quote }}
  ready: false
  restartCount: 0
  started: false
  state:
    terminated:
      exitCode: 1
      reason: Error
      message: index rebuild failed
      startedAt: {{ $now | Quote }}
      finishedAt: {{ $now | Quote }}
{{ end }}
${addresses}
phase: Failed
startTime: {{ $now | Quote }}`,
  },
});

export function kwokPodStages(): Stage[] {
  return [
    podReady,
    podComplete,
    podDelete,
    crashLoopStart,
    crashLoopRestart,
    imagePullBackOff,
    oomKilled,
    neverReady,
    fail,
  ];
}
