import fs from 'node:fs';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { applyObjects } from '../control/apply';
import { ensureBinaries, stageBinaries } from '../control/binaries';
import { fakeNodes, nodeCountFor } from '../fleet/fakeNodes';
import { clusterSpecs } from '../fleet/clusterSpecs';
import { fleetDown } from '../fleet/fleetDown';
import { fleetUp } from '../fleet/fleetUp';
import { findRepoRoot, statePaths } from '../paths';
import { populateScalePods, ScaleShape } from './scalePopulation';

/** Pods the demo fleet runs on the cluster, besides the scale-mode ones (sizes the nodes). */
const DEMO_PODS = 30;

/** A one-cluster fleet of its own, for a measurement that must not share the local fleet. */
export interface ScaleCluster {
  /** The generated app-config (kubernetes + kubeplatform sections) for this cluster alone. */
  appConfigPath: string;
  server: string;
  kc: KubeConfig;
  /** Scale-mode pods that run now. */
  pods: number;
  /** Adds nodes and scale-mode pods until `pods` of them run; returns milliseconds. */
  grow(pods: number, onProgress?: (running: number) => void): Promise<number>;
  /** Deletes the cluster and its folder. */
  down(): Promise<void>;
}

/**
 * Starts a single-cluster fleet in `.local-clusters/<name>/` (apart from the shared fleet in
 * `.local-clusters/`, which it never touches), with `pods` scale-mode pods of `shape`, through
 * the same code as `yarn clusters up`. Its clusters, ports and processes are its own; one left
 * there by an interrupted run is deleted first.
 */
export async function startScaleCluster(options: {
  name: string;
  pods: number;
  shape: ScaleShape;
  log: (line: string) => void;
  signal?: AbortSignal;
}): Promise<ScaleCluster> {
  const paths = statePaths(
    path.join(findRepoRoot(), '.local-clusters', options.name),
  );
  const signal = options.signal ?? new AbortController().signal;
  // Always from scratch: a fleet left by an interrupted run may hold more pods than asked for.
  if (fs.existsSync(paths.root)) {
    await fleetDown(paths, options.log);
    fs.rmSync(paths.root, { recursive: true, force: true });
  }
  const binaries = stageBinaries(await ensureBinaries(signal), paths.root);
  let up: Awaited<ReturnType<typeof fleetUp>>;
  try {
    up = await fleetUp(paths, binaries, {
      clusters: 1,
      pods: options.pods,
      scaleShape: options.shape,
      log: options.log,
      signal,
    });
  } catch (error) {
    await fleetDown(paths, options.log).catch(() => {});
    throw error;
  }
  const state = up.state.clusters[0];
  const spec = clusterSpecs(1)[0];
  const kc = new KubeConfig();
  kc.loadFromFile(paths.kubeconfig);
  kc.setCurrentContext(state.context);
  const cluster: ScaleCluster = {
    appConfigPath: paths.appConfig,
    server: state.server,
    kc,
    pods: options.pods,
    async grow(pods, onProgress = () => {}) {
      await applyObjects(
        kc,
        fakeNodes(spec, nodeCountFor(pods + DEMO_PODS)),
        signal,
      );
      const ms = await populateScalePods(
        kc,
        pods,
        onProgress,
        signal,
        options.shape,
      );
      cluster.pods = pods;
      return ms;
    },
    async down() {
      await fleetDown(paths, options.log);
      fs.rmSync(paths.root, { recursive: true, force: true });
    },
  };
  return cluster;
}
