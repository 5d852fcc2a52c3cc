import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CoreV1Api } from '@kubernetes/client-node';
import { freePort } from '../control/ports';
import { readFleetState, writeFleetState } from '../fleet/fleetState';
import { statePaths } from '../paths';
import { loadLocalFleet } from './localFleet';

jest.setTimeout(30_000);

describe('loadLocalFleet', () => {
  const original = process.env.KUBEPLATFORM_LOCAL_CLUSTERS_DIR;
  afterEach(() => {
    if (original === undefined)
      delete process.env.KUBEPLATFORM_LOCAL_CLUSTERS_DIR;
    else process.env.KUBEPLATFORM_LOCAL_CLUSTERS_DIR = original;
  });

  it('gives typed access to every running cluster', async () => {
    const fleet = await loadLocalFleet();
    expect(fleet.clusters.map(c => c.name)).toEqual(
      expect.arrayContaining(['dev-eu', 'prod-us']),
    );
    expect(fs.existsSync(fleet.kubeconfigPath)).toBe(true);
    expect(fs.readFileSync(fleet.appConfigPath, 'utf8')).toContain(
      'clusterLocatorMethods',
    );
    const prod = fleet.cluster('prod-us');
    expect(prod).toMatchObject({
      region: 'us-east-1',
      environment: 'production',
      context: 'prod-us',
    });
    const nodes = await prod.kubeConfig().makeApiClient(CoreV1Api).listNode();
    expect(nodes.items.length).toBeGreaterThanOrEqual(3);
  });

  it('names the cluster that does not answer, quickly', async () => {
    // A copy of the real state in which prod-us points at a port nobody listens on.
    const real = readFleetState(statePaths())!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-fleet-'));
    const deadPort = await freePort();
    const copy = {
      ...real,
      clusters: real.clusters.map(c =>
        c.name === 'prod-us'
          ? { ...c, server: `https://127.0.0.1:${deadPort}` }
          : c,
      ),
    };
    writeFleetState(statePaths(dir), copy);
    process.env.KUBEPLATFORM_LOCAL_CLUSTERS_DIR = dir;
    const started = Date.now();
    await expect(loadLocalFleet()).rejects.toThrow(
      `cluster prod-us (https://127.0.0.1:${deadPort}) is not answering`,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says to run `yarn clusters up` when nothing was ever started', async () => {
    process.env.KUBEPLATFORM_LOCAL_CLUSTERS_DIR = fs.mkdtempSync(
      path.join(os.tmpdir(), 'kp-empty-'),
    );
    await expect(loadLocalFleet()).rejects.toThrow('run `yarn clusters up`');
  });
});
