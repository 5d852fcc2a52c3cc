import {
  definedOnly,
  detach,
  intern,
  RecentRecords,
  shared,
  shareRecent,
} from './intern';

describe('shared', () => {
  it('returns one instance for equal values', () => {
    const a = shared({ app: 'checkout', tier: 'web' });
    const b = shared({ app: 'checkout', tier: 'web' });
    expect(b).toBe(a);
    expect(shared({ app: 'checkout', tier: 'db' })).not.toBe(a);
  });

  it('freezes what it shares, deeply: nobody can change a value other objects hold', () => {
    const containers = shared([
      { name: 'app', resources: { requests: { cpu: '100m' } } },
    ]);
    expect(Object.isFrozen(containers)).toBe(true);
    expect(Object.isFrozen(containers[0])).toBe(true);
    expect(Object.isFrozen(containers[0].resources.requests)).toBe(true);
    expect(() => {
      containers[0].resources.requests.cpu = '1';
    }).toThrow(TypeError);
    expect(() => {
      containers.push({ name: 'x', resources: { requests: { cpu: '1' } } });
    }).toThrow(TypeError);
    expect(containers[0].resources.requests.cpu).toBe('100m');
  });
});

describe('RecentRecords', () => {
  it('shares equal records and freezes them', () => {
    const table = new RecentRecords(8);
    const first = table.share({ type: 'Ready', status: 'True', at: 't1' });
    const second = table.share({ type: 'Ready', status: 'True', at: 't1' });
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => {
      (first as { status: string }).status = 'False';
    }).toThrow(TypeError);
    expect(table.share({ type: 'Ready', status: 'True', at: 't2' })).not.toBe(
      first,
    );
  });

  it('never holds more than two generations, however many records pass', () => {
    const table = new RecentRecords(100);
    for (let i = 0; i < 10_000; i++) {
      table.share({ type: 'Ready', lastTransitionTime: `t${i}` });
      expect(table.size).toBeLessThanOrEqual(200);
    }
    expect(table.size).toBeGreaterThan(100);
  });

  it('keeps sharing a record seen in the previous generation, and forgets older ones', () => {
    const table = new RecentRecords(2);
    const a = table.share({ n: 'a' });
    const firstB = table.share({ n: 'b' });
    table.share({ n: 'c' }); // a and b become the previous generation
    expect(table.share({ n: 'a' })).toBe(a); // found there, moved to the current one
    table.share({ n: 'd' });
    table.share({ n: 'e' });
    table.share({ n: 'f' }); // b is gone by now
    const b = table.share({ n: 'b' });
    expect(b).toEqual({ n: 'b' });
    expect(b).not.toBe(firstB);
    expect(table.size).toBeLessThanOrEqual(4);
  });

  it('passes undefined and null through', () => {
    const table = new RecentRecords(2);
    expect(table.share(undefined)).toBeUndefined();
    expect(table.share(null)).toBeNull();
  });

  it('the module table shares records across calls', () => {
    const state = { running: { startedAt: '2026-12-01T10:00:00Z' } };
    expect(shareRecent({ ...state })).toBe(shareRecent({ ...state }));
  });
});

describe('detach', () => {
  it('replaces strings in place and leaves shared (frozen) parts as they are', () => {
    const labels = shared({ app: 'checkout' });
    const pod = { metadata: { name: 'checkout-1', labels }, tags: ['a', 'b'] };
    expect(detach(pod)).toBe(pod);
    expect(pod.metadata.labels).toBe(labels);
    expect(pod).toEqual({
      metadata: { name: 'checkout-1', labels: { app: 'checkout' } },
      tags: ['a', 'b'],
    });
  });

  it('walks an object reached twice in the same value without trouble', () => {
    const inner = { name: intern('shared-inner') };
    const value = { a: inner, b: inner, c: [inner] };
    detach(value);
    expect(value.a).toBe(inner);
    expect(value.c[0]).toBe(inner);
    expect(inner.name).toBe('shared-inner');
  });
});

describe('definedOnly', () => {
  it('drops keys whose value is undefined and keeps every other value', () => {
    const out = definedOnly({
      type: 'Ready',
      reason: undefined,
      message: null,
      ready: false,
      restartCount: 0,
      text: '',
    });
    expect(Object.keys(out)).toEqual([
      'type',
      'message',
      'ready',
      'restartCount',
      'text',
    ]);
    expect(out.reason).toBeUndefined();
    expect(JSON.stringify(out)).toBe(
      JSON.stringify({
        type: 'Ready',
        reason: undefined,
        message: null,
        ready: false,
        restartCount: 0,
        text: '',
      }),
    );
  });
});
