import { kwokPodStages } from './kwokStages';
import { parse } from 'yaml';
import { SIMULATE_LABEL } from './simulations';

type StageDoc = {
  metadata: { name: string };
  spec: {
    selector: {
      matchExpressions: { key: string; operator: string; values?: string[] }[];
    };
  };
};

describe('kwokPodStages', () => {
  const stages = kwokPodStages() as unknown as StageDoc[];
  const byName = (name: string) => stages.find(s => s.metadata.name === name)!;
  const labelKey = `.metadata.labels["${SIMULATE_LABEL}"]`;

  it('keeps simulated pods out of the default ready and complete stages', () => {
    for (const name of ['pod-ready', 'pod-complete']) {
      expect(byName(name).spec.selector.matchExpressions).toContainEqual({
        key: labelKey,
        operator: 'DoesNotExist',
      });
    }
  });

  it('has one stage family per simulation label value', () => {
    const simulated = stages.flatMap(s =>
      s.spec.selector.matchExpressions
        .filter(e => e.key === labelKey && e.operator === 'In')
        .flatMap(e => e.values),
    );
    expect(new Set(simulated)).toEqual(
      new Set([
        'crashloop',
        'image-pull-backoff',
        'oom-killed',
        'never-ready',
        'fail',
      ]),
    );
  });
});

/**
 * What a statusTemplate says once kwok renders it, with every `{{ expression }}` left as its
 * expression's text: lines that hold only a template action (range, end, variables) are dropped.
 */
function renderedShape(template: string) {
  const action = /^\s*\{\{.*\}\}\s*$/;
  const lines = template.split('\n');
  const yaml = lines
    .filter(line => !action.test(line))
    .join('\n')
    .replace(/\{\{ (.*?) \}\}/g, (_, expression) => JSON.stringify(expression));
  return {
    actions: lines.filter(line => action.test(line)).map(line => line.trim()),
    status: parse(yaml),
  };
}

describe('the pod status templates of kwokPodStages', () => {
  const stages = kwokPodStages() as unknown as {
    metadata: { name: string };
    spec: { next: { statusTemplate?: string } };
  }[];
  const rendered = (name: string) => {
    const template = stages.find(s => s.metadata.name === name)!.spec.next
      .statusTemplate!;
    return renderedShape(template);
  };
  const now = '$now | Quote';
  const conditions = (status: { conditions: object[] }) =>
    Object.fromEntries(
      status.conditions.map((c: any) => [c.type, c.status + (c.reason ?? '')]),
    );

  it('has one status template per status stage, each a range over the containers', () => {
    const names = stages
      .filter(s => s.spec.next.statusTemplate)
      .map(s => s.metadata.name);
    expect(names).toEqual([
      'pod-ready',
      'pod-complete',
      'kubeplatform-crashloop-start',
      'kubeplatform-crashloop-restart',
      'kubeplatform-image-pull-backoff',
      'kubeplatform-oom-killed',
      'kubeplatform-never-ready',
      'kubeplatform-fail',
    ]);
    for (const name of names) {
      const { actions, status } = rendered(name);
      expect(actions[0]).toBe('{{ $now := Now }}');
      expect(actions[actions.length - 1]).toBe('{{ end }}');
      expect(status.containerStatuses).toHaveLength(1);
    }
  });

  it('starts plain pods Running and Ready, with addresses', () => {
    const { status } = rendered('pod-ready');
    expect(status).toMatchObject({
      phase: 'Running',
      startTime: now,
      hostIP: 'NodeIPWith .spec.nodeName | Quote',
      podIP: expect.stringMatching(/^PodIPWith \.spec\.nodeName /),
    });
    expect(conditions(status)).toEqual({
      Initialized: 'True',
      Ready: 'True',
      ContainersReady: 'True',
    });
    expect(status.containerStatuses[0]).toEqual({
      image: '.image | Quote',
      name: '.name | Quote',
      ready: true,
      restartCount: 0,
      started: true,
      state: { running: { startedAt: now } },
    });
  });

  it('completes Job pods with exit code 0 and keeps their start time', () => {
    const { status } = rendered('pod-complete');
    expect(status.phase).toBe('Succeeded');
    expect(status).not.toHaveProperty('startTime');
    expect(conditions(status)).toEqual({
      Ready: 'FalsePodCompleted',
      ContainersReady: 'FalsePodCompleted',
    });
    expect(status.containerStatuses[0].state.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
  });

  it('crash-loops: first a back-off after one crash, then one more restart each time', () => {
    const start = rendered('kubeplatform-crashloop-start').status;
    expect(start.phase).toBe('Running');
    expect(conditions(start)).toMatchObject({
      Ready: 'FalseContainersNotReady',
    });
    expect(start.containerStatuses[0]).toMatchObject({
      ready: false,
      restartCount: 1,
      lastState: { terminated: { exitCode: 1, reason: 'Error' } },
      state: {
        waiting: {
          reason: 'CrashLoopBackOff',
          message:
            'printf "back-off 10s restarting failed container=%s pod=%s" .name $.metadata.name | Quote',
        },
      },
    });

    const restart = rendered('kubeplatform-crashloop-restart');
    expect(restart.actions).toContain(
      '{{ $origin := index $root.status.containerStatuses $index }}',
    );
    expect(Object.keys(restart.status)).toEqual(['containerStatuses']);
    expect(restart.status.containerStatuses[0]).toMatchObject({
      name: '$item.name | Quote',
      restartCount: 'add1 $origin.restartCount',
      lastState: { terminated: { exitCode: 1, reason: 'Error' } },
      state: { waiting: { reason: 'CrashLoopBackOff' } },
    });
  });

  it('leaves an image that cannot be pulled Pending, without a pod IP', () => {
    const { status } = rendered('kubeplatform-image-pull-backoff');
    expect(status.phase).toBe('Pending');
    expect(status).toHaveProperty('hostIP');
    expect(status).not.toHaveProperty('podIP');
    expect(status.containerStatuses[0]).toMatchObject({
      started: false,
      state: {
        waiting: {
          reason: 'ImagePullBackOff',
          message: 'printf "Back-off pulling image %q" .image | Quote',
        },
      },
    });
  });

  it('runs an OOM-killed container again, Ready, after exit code 137', () => {
    const { status } = rendered('kubeplatform-oom-killed');
    expect(conditions(status)).toMatchObject({ Ready: 'True' });
    expect(status.containerStatuses[0]).toMatchObject({
      ready: true,
      restartCount: 1,
      lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
      state: { running: { startedAt: now } },
    });
  });

  it('runs a never-ready container, started but not Ready', () => {
    const { status } = rendered('kubeplatform-never-ready');
    expect(status.phase).toBe('Running');
    expect(conditions(status)).toMatchObject({
      Ready: 'FalseContainersNotReady',
      ContainersReady: 'FalseContainersNotReady',
    });
    expect(status.containerStatuses[0]).toMatchObject({
      ready: false,
      started: true,
      state: { running: { startedAt: now } },
    });
  });

  it('fails a pod with exit code 1 and a message', () => {
    const { status } = rendered('kubeplatform-fail');
    expect(status.phase).toBe('Failed');
    expect(status.containerStatuses[0].state.terminated).toMatchObject({
      exitCode: 1,
      reason: 'Error',
      message: 'index rebuild failed',
    });
  });
});
