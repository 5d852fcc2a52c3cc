import { ClusterView } from '@kubeplatform/clusters-common';
import type { CacheReader } from '@kubeplatform/clusters-node';
import { ClusterViewCache } from './ClusterViewCache';

const query = { selector: 'backstage.io/kubernetes-id=checkout' } as any;
const otherQuery = { selector: 'backstage.io/kubernetes-id=search' } as any;

function reader(name: string, count?: { n: number }): CacheReader {
  return {
    identity: { name },
    ...(count && { changeCount: () => count.n }),
  } as unknown as CacheReader;
}

/** A build that makes a new view each time and counts its calls. */
function builder() {
  const built = { calls: 0 };
  const build = () => {
    built.calls++;
    return { workloads: [], built: built.calls } as unknown as ClusterView;
  };
  return { built, build };
}

const at = (ms: number) => new Date(1_000_000 + ms);

describe('ClusterViewCache', () => {
  it('reuses a view while its cluster has not changed, and rebuilds once it has', () => {
    const cache = new ClusterViewCache();
    const count = { n: 1 };
    const r = reader('prod-us', count);
    const { built, build } = builder();

    const first = cache.get(r, query, at(0), build);
    expect(cache.get(r, query, at(10), build)).toBe(first);
    expect(built.calls).toBe(1);

    count.n++;
    const second = cache.get(r, query, at(20), build);
    expect(second).not.toBe(first);
    expect(built.calls).toBe(2);
  });

  it('rebuilds a view older than maxAgeMs, or built at a later time than asked', () => {
    const cache = new ClusterViewCache({ maxAgeMs: 100, maxEntries: 10 });
    const r = reader('prod-us', { n: 1 });
    const { built, build } = builder();
    cache.get(r, query, at(0), build);
    cache.get(r, query, at(100), build);
    cache.get(r, query, at(50), build);
    expect(built.calls).toBe(3);
  });

  it('never reuses the view of a reader without changeCount (one gated by a viewer)', () => {
    const cache = new ClusterViewCache();
    const r = reader('prod-us');
    const { built, build } = builder();
    cache.get(r, query, at(0), build);
    cache.get(r, query, at(1), build);
    expect(built.calls).toBe(2);
  });

  it('keeps views of different clusters and queries apart', () => {
    const cache = new ClusterViewCache();
    const count = { n: 1 };
    const { built, build } = builder();
    const a = cache.get(reader('prod-us', count), query, at(0), build);
    const b = cache.get(reader('dev-eu', count), query, at(0), build);
    const c = cache.get(reader('prod-us', count), otherQuery, at(0), build);
    expect(new Set([a, b, c]).size).toBe(3);
    expect(cache.get(reader('dev-eu', count), query, at(1), build)).toBe(b);
    expect(built.calls).toBe(3);
  });

  it('holds at most maxEntries views, dropping the least recently built', () => {
    const cache = new ClusterViewCache({ maxAgeMs: 1000, maxEntries: 2 });
    const count = { n: 1 };
    const { built, build } = builder();
    cache.get(reader('a', count), query, at(0), build);
    cache.get(reader('b', count), query, at(0), build);
    cache.get(reader('c', count), query, at(0), build);
    cache.get(reader('c', count), query, at(1), build);
    cache.get(reader('b', count), query, at(1), build);
    expect(built.calls).toBe(3);
    cache.get(reader('a', count), query, at(1), build);
    expect(built.calls).toBe(4);
  });
});
