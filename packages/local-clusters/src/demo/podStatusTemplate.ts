/**
 * Writes the Go templates that kwok Stages render into a pod's status (kwok v0.7 template
 * functions: Now, Quote, NodeIPWith, PodIPWith, add1). Every Stage describes its pod and
 * container status as data; this file is the one place that knows the template syntax.
 */

/** A Go template expression, without its braces, that kwok evaluates. */
type Expression = string;

/**
 * How the template walks the pod's containers. `field` names a field of the current container,
 * `pod` names the pod itself inside the range.
 */
export interface ContainerIteration {
  before: string[];
  range: string[];
  field: (name: string) => Expression;
  pod: Expression;
  /** The container's restart count in the status being replaced, where the iteration reads it. */
  lastRestartCount?: Expression;
}

export const eachContainer: ContainerIteration = {
  before: [],
  range: ['{{ range .spec.containers }}'],
  field: name => `.${name}`,
  pod: '$',
};

/** Also reads each container's current status, to build on it (restart counts). */
export const eachContainerAfterItsLastStatus: ContainerIteration = {
  before: ['{{ $root := . }}'],
  range: [
    '{{ range $index, $item := .spec.containers }}',
    '{{ $origin := index $root.status.containerStatuses $index }}',
  ],
  field: name => `$item.${name}`,
  pod: '$root',
  lastRestartCount: '$origin.restartCount',
};

interface Terminated {
  exitCode: number;
  reason: string;
  message?: string;
}

/** Builds a message expression from the container field accessor and the pod expression. */
type MessageExpression = (
  field: ContainerIteration['field'],
  pod: Expression,
) => Expression;

export interface ContainerStatus {
  ready: boolean;
  started: boolean;
  restartCount: number | 'one more than before';
  /** `lastState.terminated`: how the previous run of the container ended. */
  lastTerminated?: { exitCode: number; reason: string };
  state:
    | { running: true }
    | { waiting: { reason: string; message: MessageExpression } }
    | { terminated: Terminated };
}

interface Condition {
  type: 'Initialized' | 'Ready' | 'ContainersReady';
  status: 'True' | 'False';
  reason?: string;
  message?: Expression;
}

const unreadyContainersMessage =
  'printf "containers with unready status: [%s]" (index .spec.containers 0).name';

export const podConditions = {
  ready: [
    { type: 'Initialized', status: 'True' },
    { type: 'Ready', status: 'True' },
    { type: 'ContainersReady', status: 'True' },
  ],
  /** A pod that runs but is not Ready. */
  containersNotReady: [
    { type: 'Initialized', status: 'True' },
    {
      type: 'Ready',
      status: 'False',
      reason: 'ContainersNotReady',
      message: unreadyContainersMessage,
    },
    {
      type: 'ContainersReady',
      status: 'False',
      reason: 'ContainersNotReady',
      message: unreadyContainersMessage,
    },
  ],
  /** kwok's own pod-complete conditions: Initialized stays as it was. */
  completed: [
    { type: 'Ready', status: 'False', reason: 'PodCompleted' },
    { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' },
  ],
} satisfies Record<string, Condition[]>;

export interface PodStatus {
  conditions?: Condition[];
  containers?: ContainerIteration;
  /** The status of every container of the pod. */
  container: ContainerStatus;
  /** `host`: the pod is bound to its node but got no IP (no container ever started). */
  addresses?: 'host' | 'host-and-pod';
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  /** The Stage patches a pod that already started: its startTime stays. */
  keepsStartTime?: true;
}

const now = '{{ $now | Quote }}';
const quoted = (expression: Expression) => `{{ ${expression} | Quote }}`;

function conditionLines(conditions: Condition[]): string[] {
  return [
    'conditions:',
    ...conditions.flatMap(({ type, status, reason, message }) => [
      `- type: ${type}`,
      `  status: "${status}"`,
      ...(reason ? [`  reason: ${reason}`] : []),
      ...(message ? [`  message: ${quoted(message)}`] : []),
      `  lastTransitionTime: ${now}`,
    ]),
  ];
}

function terminatedLines(terminated: Terminated): string[] {
  return [
    'terminated:',
    `  exitCode: ${terminated.exitCode}`,
    `  reason: ${terminated.reason}`,
    ...(terminated.message ? [`  message: ${terminated.message}`] : []),
    `  startedAt: ${now}`,
    `  finishedAt: ${now}`,
  ];
}

function stateLines(
  state: ContainerStatus['state'],
  containers: ContainerIteration,
): string[] {
  if ('running' in state) return ['running:', `  startedAt: ${now}`];
  if ('waiting' in state) {
    const { reason, message } = state.waiting;
    return [
      'waiting:',
      `  reason: ${reason}`,
      `  message: ${quoted(message(containers.field, containers.pod))}`,
    ];
  }
  return terminatedLines(state.terminated);
}

function restartCount(
  count: ContainerStatus['restartCount'],
  containers: ContainerIteration,
): string {
  if (typeof count === 'number') return String(count);
  if (!containers.lastRestartCount) {
    throw new Error(
      'a restart count that grows needs an iteration that reads the last status',
    );
  }
  return `{{ add1 ${containers.lastRestartCount} }}`;
}

const indent = (lines: string[], by: string) => lines.map(l => by + l);

function containerStatusLines(
  status: ContainerStatus,
  containers: ContainerIteration,
): string[] {
  const { field } = containers;
  return [
    'containerStatuses:',
    ...containers.range,
    `- image: ${quoted(field('image'))}`,
    `  name: ${quoted(field('name'))}`,
    `  ready: ${status.ready}`,
    `  restartCount: ${restartCount(status.restartCount, containers)}`,
    `  started: ${status.started}`,
    ...(status.lastTerminated
      ? [
          '  lastState:',
          ...indent(terminatedLines(status.lastTerminated), '    '),
        ]
      : []),
    '  state:',
    ...indent(stateLines(status.state, containers), '    '),
    '{{ end }}',
  ];
}

const hostIP = 'hostIP: {{ NodeIPWith .spec.nodeName | Quote }}';
const podIP =
  'podIP: {{ PodIPWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid "" ) ( or .metadata.name "" ) ( or .metadata.namespace "" ) | Quote }}';

/** The statusTemplate of a pod Stage. */
export function podStatusTemplate(status: PodStatus): string {
  const containers = status.containers ?? eachContainer;
  const lines = [
    '{{ $now := Now }}',
    ...containers.before,
    ...(status.conditions ? conditionLines(status.conditions) : []),
    ...containerStatusLines(status.container, containers),
    ...(status.addresses ? [hostIP] : []),
    ...(status.addresses === 'host-and-pod' ? [podIP] : []),
    ...(status.phase ? [`phase: ${status.phase}`] : []),
    ...(status.keepsStartTime ? [] : [`startTime: ${now}`]),
  ];
  return lines.join('\n');
}
