import {
  contentHash,
  definedOnly,
  detach,
  intern,
  RecentRecords,
  sameContent,
  shared,
  shareRecent,
} from './intern';

/** Two different values with the same content hash, found by trying (30 bits: some 10k tries). */
let collision: [string, string] | undefined;
function collidingPair(): [{ id: string }, { id: string }] {
  if (!collision) {
    const seen = new Map<number, string>();
    for (let i = 0; !collision; i++) {
      const id = `value-${i}`;
      const hash = contentHash({ id });
      const earlier = seen.get(hash);
      if (earlier !== undefined) collision = [earlier, id];
      seen.set(hash, id);
    }
  }
  return [{ id: collision[0] }, { id: collision[1] }];
}

describe('contentHash and sameContent', () => {
  it('hash equal content equally, leaving out undefined values as JSON does', () => {
    const a = { type: 'Ready', status: 'True', reason: undefined, n: 1 };
    const b = { type: 'Ready', status: 'True', n: 1 };
    expect(contentHash(a)).toBe(contentHash(b));
    expect(sameContent(a, b)).toBe(true);
    expect(Number.isInteger(contentHash(a))).toBe(true);
    expect(contentHash(a)).toBeGreaterThanOrEqual(0);
    expect(contentHash(a)).toBeLessThan(2 ** 30);
  });

  it('tell apart what JSON tells apart', () => {
    const differing: Array<[unknown, unknown]> = [
      [{ n: 1 }, { n: '1' }],
      [{ a: true }, { a: 'true' }],
      [{ a: null }, { a: 'null' }],
      [['a', 'b'], ['ab']],
      [{ a: 'b' }, ['a', 'b']],
      [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ],
      [{ a: { b: 1 } }, { a: { b: 2 } }],
      [[{ a: 1 }], [{ a: 1 }, { a: 1 }]],
    ];
    for (const [x, y] of differing) {
      expect(sameContent(x, y)).toBe(false);
      expect(contentHash(x)).not.toBe(contentHash(y));
    }
    expect(sameContent([{ a: [1, 'x'] }], [{ a: [1, 'x'] }])).toBe(true);
  });
});

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

  it('never hands out a different value whose hash happens to be equal', () => {
    const [a, b] = collidingPair();
    expect(contentHash(a)).toBe(contentHash(b));
    const sharedA = shared({ ...a });
    const sharedB = shared({ ...b });
    expect(sharedA).toEqual(a);
    expect(sharedB).toEqual(b);
    expect(shared({ ...a })).toBe(sharedA);
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

  it('never hands out a different record whose hash happens to be equal', () => {
    const [a, b] = collidingPair();
    const table = new RecentRecords(8);
    const recordA = table.share({ ...a });
    expect(table.share({ ...b })).toEqual(b);
    expect(table.share({ ...a })).toEqual(a);
    expect(recordA).toEqual(a);
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
    const record = {
      type: 'Ready',
      reason: undefined,
      message: null,
      ready: false,
      restartCount: 0,
      text: '',
    };
    const out = definedOnly(record);
    expect(Object.keys(out)).toEqual([
      'type',
      'message',
      'ready',
      'restartCount',
      'text',
    ]);
    expect(out.reason).toBeUndefined();
    expect(JSON.stringify(out)).toBe(JSON.stringify(record));
  });
});
