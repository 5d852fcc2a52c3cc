import { readFileSync } from 'fs';
import { join } from 'path';
import { RECENT_RECORDS_PER_GENERATION, recentRecordsHeld } from './intern';
import { ApiObject, trimPod } from './trim';

/** Pods captured from the local clusters (the problem detectors' fixtures). */
function fixture(name: string): ApiObject {
  return JSON.parse(
    readFileSync(
      join(
        __dirname,
        '../../../clusters-common/src/problems/__fixtures__',
        `${name}.json`,
      ),
      'utf8',
    ),
  );
}

/** Another replica of the same rollout: same template, own name and uid. */
function replica(pod: ApiObject, n: number): ApiObject {
  const copy = JSON.parse(JSON.stringify(pod));
  copy.metadata.name = `${pod.metadata.name}-${n}`;
  copy.metadata.uid = `${pod.metadata.uid.slice(0, -4)}${String(n).padStart(
    4,
    '0',
  )}`;
  return copy;
}

/** The same pod with every timestamp moved to another second. */
function startedAt(pod: ApiObject, time: string): ApiObject {
  return JSON.parse(
    JSON.stringify(pod).replace(
      /"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/g,
      `"${time}"`,
    ),
  );
}

describe('trimPod', () => {
  it('keeps what readers read, with the same values and types as the API sent', () => {
    const raw = fixture('dev-eu.pod-restarted');
    const pod = trimPod(JSON.parse(JSON.stringify(raw)));
    expect(pod.metadata?.name).toBe(raw.metadata.name);
    expect(pod.metadata?.uid).toBe(raw.metadata.uid);
    expect(pod.metadata?.creationTimestamp).toBe(
      raw.metadata.creationTimestamp,
    );
    expect(pod.status?.phase).toBe(raw.status.phase);
    expect(pod.status?.startTime).toBe(raw.status.startTime);
    expect(pod.status?.conditions?.map(c => c.type)).toEqual([
      'Ready',
      'ContainersReady',
      'PodScheduled',
    ]);
    for (const c of pod.status?.conditions ?? []) {
      const source = raw.status.conditions.find(
        (r: ApiObject) => r.type === c.type,
      );
      expect(c).toEqual({
        type: source.type,
        status: source.status,
        reason: source.reason,
        message: source.message,
        lastTransitionTime: source.lastTransitionTime,
      });
    }
    const [status] = pod.status?.containerStatuses ?? [];
    const [rawStatus] = raw.status.containerStatuses;
    expect(status.name).toBe(rawStatus.name);
    expect(status.restartCount).toBe(rawStatus.restartCount);
    expect(status.ready).toBe(rawStatus.ready);
    expect(status.state).toEqual(rawStatus.state);
    expect(status.lastState?.terminated).toEqual({
      reason: rawStatus.lastState.terminated.reason,
      exitCode: rawStatus.lastState.terminated.exitCode,
      message: rawStatus.lastState.terminated.message,
      startedAt: rawStatus.lastState.terminated.startedAt,
      finishedAt: rawStatus.lastState.terminated.finishedAt,
    });
    expect(pod.spec?.containers?.map(c => c.image)).toEqual(
      raw.spec.containers.map((c: ApiObject) => c.image),
    );
  });

  it('keeps no key whose value is undefined', () => {
    const pod = trimPod(fixture('dev-eu.pod-running'));
    expect(Object.keys(pod.status ?? {})).not.toContain('reason');
    expect(Object.keys(pod.status ?? {})).not.toContain('message');
    expect(Object.keys(pod.spec ?? {})).not.toContain('initContainers');
    for (const c of pod.status?.conditions ?? [])
      expect(Object.keys(c)).toEqual(['type', 'status', 'lastTransitionTime']);
    // An empty lastState ({} on the wire) is no state.
    expect(Object.keys(pod.status?.containerStatuses?.[0] ?? {})).not.toContain(
      'lastState',
    );
  });

  it('shares the conditions and container statuses of replicas that started in the same second', () => {
    const raw = fixture('dev-eu.pod-running');
    const a = trimPod(replica(raw, 1));
    const b = trimPod(replica(raw, 2));
    expect(b.metadata?.name).not.toBe(a.metadata?.name);
    expect(b.status?.conditions).toBe(a.status?.conditions);
    expect(b.status?.containerStatuses).toBe(a.status?.containerStatuses);
    expect(b.spec?.containers).toBe(a.spec?.containers);
    // Their statuses are equal, so they are one object too; the metadata is each pod's own.
    expect(b.status).toBe(a.status);
    expect(b.metadata).not.toBe(a.metadata);
  });

  it('does not share records whose timestamps differ, and each pod keeps its own', () => {
    const raw = fixture('dev-eu.pod-running');
    const a = trimPod(startedAt(replica(raw, 1), '2026-11-22T15:16:29Z'));
    const b = trimPod(startedAt(replica(raw, 2), '2026-11-22T15:17:03Z'));
    expect(b.status?.conditions).not.toBe(a.status?.conditions);
    expect(b.status?.conditions?.[0].lastTransitionTime).toBe(
      '2026-11-22T15:17:03Z',
    );
    expect(a.status?.conditions?.[0].lastTransitionTime).toBe(
      '2026-11-22T15:16:29Z',
    );
    expect(b.status?.containerStatuses?.[0].state?.running?.startedAt).toBe(
      '2026-11-22T15:17:03Z',
    );
  });

  it('makes shared records impossible to change', () => {
    const pod = trimPod(fixture('dev-eu.pod-restarted'));
    const conditions = pod.status!.conditions!;
    const statuses = pod.status!.containerStatuses!;
    expect(() => {
      conditions[0].status = 'False';
    }).toThrow(TypeError);
    expect(() => {
      conditions.push(conditions[0]);
    }).toThrow(TypeError);
    expect(() => {
      statuses[0].restartCount = 99;
    }).toThrow(TypeError);
    expect(() => {
      statuses[0].lastState!.terminated!.exitCode = 0;
    }).toThrow(TypeError);
    expect(() => {
      pod.spec!.containers![0].image = 'other';
    }).toThrow(TypeError);
    expect(() => {
      pod.status!.phase = 'Failed';
    }).toThrow(TypeError);
    expect(conditions[0].status).toBe('True');
    expect(statuses[0].restartCount).toBeGreaterThan(0);
  });

  it('holds a bounded record table however many distinct pods pass through', () => {
    const raw = fixture('dev-eu.pod-running');
    const start = Date.UTC(2026, 10, 22, 15, 0, 0);
    for (let i = 0; i < 3 * RECENT_RECORDS_PER_GENERATION; i++) {
      const time = new Date(start + i * 1000).toISOString().replace('.000', '');
      trimPod(startedAt(replica(raw, i), time));
    }
    expect(recentRecordsHeld()).toBeLessThanOrEqual(
      2 * RECENT_RECORDS_PER_GENERATION,
    );
  });
});
