import { ConfigReader } from '@backstage/config';
import { json, list, startMockApiServer } from '../__testUtils__/mockApiServer';
import { connectionTo, until } from '../__testUtils__/mockConnection';
import { fastWatchTuning } from '../__testUtils__/watchTuning';
import { ClusterWatcher } from './ClusterWatcher';
import { readWatchedResourceTypes } from './watchedResourceTypes';

const read = (kubernetes: object) =>
  readWatchedResourceTypes(new ConfigReader({ kubernetes }));

describe('readWatchedResourceTypes', () => {
  it('watches every built-in type at its default version without objectTypes', () => {
    const { watched, unhonoured } = read({});
    expect(watched.map(w => w.resource)).toEqual([
      'pods',
      'deployments',
      'replicasets',
      'statefulsets',
      'daemonsets',
      'jobs',
      'cronjobs',
      'horizontalpodautoscalers',
      'services',
      'ingresses',
      'resourcequotas',
      'events',
    ]);
    expect(watched.find(w => w.resource === 'cronjobs')?.apiPrefix).toBe(
      '/apis/batch/v1',
    );
    expect(unhonoured).toEqual([]);
  });

  it('objectTypes: watches only the listed types (and events), naming those it does not watch', () => {
    const { watched, unhonoured } = read({
      objectTypes: ['pods', 'deployments', 'configmaps', 'events', 'widgets'],
    });
    expect(watched.map(w => w.resource)).toEqual([
      'pods',
      'deployments',
      'events',
    ]);
    expect(unhonoured).toEqual([
      {
        key: 'kubernetes.objectTypes[2]',
        reason: "'configmaps' is not watched: the view does not show them",
      },
      {
        key: 'kubernetes.objectTypes[3]',
        reason:
          "'events' is not an upstream object type: Kubeplatform always watches events",
      },
      {
        key: 'kubernetes.objectTypes[4]',
        reason: "'widgets' is not an object type Kubeplatform watches; ignored",
      },
    ]);
  });

  it('apiVersionOverrides: watches at the versions whose shape the view reads, naming the others', () => {
    const { watched, unhonoured } = read({
      apiVersionOverrides: {
        cronjobs: 'v1beta1',
        horizontalpodautoscalers: 'v1',
        deployments: 'v1beta2',
        configmaps: 'v1',
      },
    });
    const prefixOf = (resource: string) =>
      watched.find(w => w.resource === resource)?.apiPrefix;
    expect(prefixOf('cronjobs')).toBe('/apis/batch/v1beta1');
    expect(prefixOf('deployments')).toBe('/apis/apps/v1beta2');
    expect(prefixOf('horizontalpodautoscalers')).toBe('/apis/autoscaling/v2');
    expect(unhonoured).toEqual([
      {
        key: 'kubernetes.apiVersionOverrides.horizontalpodautoscalers',
        reason:
          "horizontalpodautoscalers are watched at v2: the view reads that version's shape (v2 or v2beta2 can be chosen)",
      },
      {
        key: 'kubernetes.apiVersionOverrides.configmaps',
        reason: "'configmaps' is not watched: the view does not show them",
      },
    ]);
  });
});

describe('ClusterWatcher with objectTypes and apiVersionOverrides', () => {
  it('lists and watches only the chosen types, at the chosen versions', async () => {
    const paths = new Set<string>();
    const server = await startMockApiServer((_req, url, res) => {
      paths.add(url.pathname);
      if (url.searchParams.get('watch')) res.writeHead(200);
      else json(res, 200, list([]));
    });
    const { watched } = read({
      objectTypes: ['pods', 'cronjobs'],
      apiVersionOverrides: { cronjobs: 'v1beta1' },
    });
    const watcher = new ClusterWatcher(
      { name: 'c' },
      connectionTo(server.url),
      undefined,
      fastWatchTuning,
      { maxEvents: 20, maxAgeMs: 60 * 60_000 },
      () => {},
      [],
      watched,
    );
    try {
      watcher.start();
      await until(() => watcher.unitStates().every(u => u.state !== 'syncing'));
      expect(watcher.unitStates().map(u => u.resource)).toEqual([
        'pods',
        'cronjobs',
        'events',
      ]);
      expect([...paths].sort()).toEqual([
        '/api/v1/events',
        '/api/v1/pods',
        '/apis/batch/v1beta1/cronjobs',
      ]);
      expect(watcher.list('deployments')).toEqual([]);
    } finally {
      watcher.stop();
      await server.close();
    }
  });
});
