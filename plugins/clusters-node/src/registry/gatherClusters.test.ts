import { ClusterDefinition, ClusterSupplier } from '../types';
import { gatherClusters, LastAnswers } from './gatherClusters';

function cluster(name: string, url = 'https://1.2.3.4'): ClusterDefinition {
  return {
    name,
    url,
    source: 'config',
    authProvider: 'serviceAccount',
    authMetadata: {},
  };
}

function supplier(
  name: string,
  answer: () => ClusterDefinition[],
): ClusterSupplier {
  return { name, getClusters: async () => answer() };
}

describe('gatherClusters', () => {
  it('merges every source in order; the first to name a cluster wins', async () => {
    const gathered = await gatherClusters(
      [
        supplier('config', () => [cluster('a'), cluster('b')]),
        supplier('catalog', () => [
          cluster('b', 'https://5.6.7.8'),
          cluster('c'),
        ]),
      ],
      new Map(),
    );
    expect(gathered.clusters.map(c => [c.name, c.url])).toEqual([
      ['a', 'https://1.2.3.4'],
      ['b', 'https://1.2.3.4'],
      ['c', 'https://1.2.3.4'],
    ]);
    expect(gathered.duplicates.map(c => c.url)).toEqual(['https://5.6.7.8']);
    expect(gathered.errors).toEqual([]);
  });

  it('turns a failing source into an error next to the clusters that did arrive', async () => {
    const gathered = await gatherClusters(
      [
        supplier('config', () => [cluster('a')]),
        supplier('catalog', () => {
          throw new Error('catalog unreachable');
        }),
      ],
      new Map(),
    );
    expect(gathered.clusters.map(c => c.name)).toEqual(['a']);
    expect(gathered.errors).toEqual([
      { source: 'catalog', message: 'catalog unreachable', staleClusters: [] },
    ]);
  });

  it("serves a failing source's last answer, names those clusters stale, and recovers", async () => {
    let answer: () => ClusterDefinition[] = () => [
      cluster('c1'),
      cluster('c2'),
    ];
    const catalog = supplier('catalog', () => answer());
    const lastAnswers: LastAnswers = new Map();
    const config = supplier('config', () => [cluster('a')]);

    await gatherClusters([config, catalog], lastAnswers);
    answer = () => {
      throw new Error('catalog unreachable');
    };
    const failing = await gatherClusters([config, catalog], lastAnswers);
    expect(failing.clusters.map(c => c.name)).toEqual(['a', 'c1', 'c2']);
    expect(failing.errors).toEqual([
      {
        source: 'catalog',
        message: 'catalog unreachable',
        staleClusters: ['c1', 'c2'],
      },
    ]);

    answer = () => [cluster('c2')];
    const recovered = await gatherClusters([config, catalog], lastAnswers);
    expect(recovered.clusters.map(c => c.name)).toEqual(['a', 'c2']);
    expect(recovered.errors).toEqual([]);
  });

  it('reports a non-Error rejection by its text', async () => {
    const gathered = await gatherClusters(
      [
        {
          name: 'odd',
          getClusters: () => Promise.reject('plain string'),
        },
      ],
      new Map(),
    );
    expect(gathered.errors).toEqual([
      { source: 'odd', message: 'plain string', staleClusters: [] },
    ]);
  });

  it('with clusterLocatorContinueOnError false, one failing source marks every cluster stale, and recovers', async () => {
    let gkeAnswer: () => ClusterDefinition[] = () => {
      throw new Error('GKE unreachable');
    };
    const suppliers = [
      supplier('config', () => [cluster('a'), cluster('b')]),
      supplier('gke:p/-', () => gkeAnswer()),
    ];
    const lastAnswers: LastAnswers = new Map();

    const lenient = await gatherClusters(suppliers, new Map());
    expect(lenient.errors).toEqual([
      { source: 'gke:p/-', message: 'GKE unreachable', staleClusters: [] },
    ]);

    const strict = await gatherClusters(suppliers, lastAnswers, {
      continueOnError: false,
    });
    expect(strict.clusters.map(c => c.name)).toEqual(['a', 'b']);
    expect(strict.errors).toEqual([
      {
        source: 'gke:p/-',
        message:
          'GKE unreachable; kubernetes.clusterLocatorContinueOnError is false, so every cluster is marked stale until this source answers',
        staleClusters: ['a', 'b'],
      },
    ]);

    gkeAnswer = () => [cluster('g')];
    const recovered = await gatherClusters(suppliers, lastAnswers, {
      continueOnError: false,
    });
    expect(recovered.clusters.map(c => c.name)).toEqual(['a', 'b', 'g']);
    expect(recovered.errors).toEqual([]);
  });
});
