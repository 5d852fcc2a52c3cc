import {
  json,
  list,
  pod,
  startMockApiServer,
} from '../__testUtils__/mockApiServer';
import { connectionTo, until } from '../__testUtils__/mockConnection';
import { fastWatchTuning } from '../__testUtils__/watchTuning';
import { ClusterWatcher } from './ClusterWatcher';

function warning(name: string, minutesAgo: number) {
  const t = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  return {
    metadata: { name, namespace: 'shop', uid: name, resourceVersion: '3' },
    involvedObject: { kind: 'Pod', name: 'a', namespace: 'shop' },
    type: 'Warning',
    reason: 'BackOff',
    message: 'Back-off restarting failed container',
    lastTimestamp: t,
  };
}

describe('ClusterWatcher', () => {
  it('indexes by kubernetes-id and owner, bounds Warning events, and reports partial forbidden', async () => {
    let watchEvents: any;
    const server = await startMockApiServer((_req, url, res) => {
      const watching = url.searchParams.get('watch');
      if (url.pathname.includes('/namespaces/secret/')) {
        json(res, 403, { message: 'forbidden in secret' });
        return;
      }
      if (url.pathname.endsWith('/events')) {
        if (watching) {
          res.writeHead(200);
          watchEvents = res;
          return;
        }
        json(
          res,
          200,
          list([
            warning('e1', 5),
            warning('e2', 4),
            warning('e3', 3),
            warning('old', 120),
          ]),
        );
        return;
      }
      if (watching) {
        res.writeHead(200);
        return;
      }
      if (url.pathname.endsWith('/pods')) {
        json(
          res,
          200,
          list([
            pod('a', 'shop', {
              metadata: {
                ownerReferences: [
                  {
                    kind: 'ReplicaSet',
                    name: 'rs',
                    uid: 'rs-uid',
                    controller: true,
                  },
                ],
              },
            }),
          ]),
        );
        return;
      }
      json(res, 200, list([]));
    });
    const watcher = new ClusterWatcher(
      { name: 'c' },
      connectionTo(server.url),
      ['shop', 'secret'],
      fastWatchTuning,
      // 20 events over 2 namespaces: 10 per namespace watch.
      { maxEvents: 20, maxAgeMs: 60 * 60_000 },
      () => {},
    );
    try {
      watcher.start();
      await until(() => watcher.unitStates().every(u => u.state !== 'syncing'));
      expect(
        watcher
          .listByKubernetesId('pods', 'checkout')
          .map(p => p.metadata?.name),
      ).toEqual(['a']);
      expect(
        watcher.listByOwner('pods', 'rs-uid').map(p => p.metadata?.name),
      ).toEqual(['a']);
      // The two-hour-old event is dropped at list time.
      expect(
        watcher
          .list('events')
          .map(e => e.metadata?.name)
          .sort(),
      ).toEqual(['e1', 'e2', 'e3']);
      expect(watcher.eventsFor('Pod', 'shop', 'a')).toHaveLength(3);
      const countBefore = watcher.changeCount();
      expect(watcher.changeCount()).toBe(countBefore);

      for (let i = 0; i < 9; i++) {
        watchEvents.write(
          `${JSON.stringify({
            type: 'ADDED',
            object: {
              ...warning(`n${i}`, 0),
              metadata: {
                ...warning(`n${i}`, 0).metadata,
                resourceVersion: String(20 + i),
              },
            },
          })}\n`,
        );
      }
      await until(() =>
        watcher.list('events').some(e => e.metadata?.name === 'n8'),
      );
      // Views built before these events are not reused after them (ClusterViewCache).
      expect(watcher.changeCount()).toBeGreaterThanOrEqual(countBefore + 9);
      const names = watcher.list('events').map(e => e.metadata?.name);
      expect(names).toHaveLength(10);
      // The oldest (e1, e2) were evicted to stay at 10 per namespace watch.
      expect(names).not.toContain('e1');
      expect(names).not.toContain('e2');
      expect(names).toContain('e3');

      const status = watcher.status();
      expect(status.state).toBe('forbidden');
      expect(status.partial!.length).toBe(12);
      expect(
        status.partial!.every(
          p => p.namespace === 'secret' && p.state === 'forbidden',
        ),
      ).toBe(true);
      expect(status.reason).toMatch(/forbidden in secret/);
    } finally {
      watcher.stop();
      await server.close();
    }
  });
});
