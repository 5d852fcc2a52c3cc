/**
 * Renders the multicluster "Clusters" tab for a large fleet inside a React Profiler and reports
 * the render time React measured. Bundled and run by run.mjs in headless Chromium or jsdom.
 */
import { Profiler, ProfilerOnRenderCallback } from 'react';
import { createRoot, Root } from 'react-dom/client';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, wrapInTestApp } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { EntityView, WorkloadDetail } from '@kubeplatform/clusters-common';
import {
  MulticlusterApi,
  multiclusterApiRef,
} from '@kubeplatform/plugin-multicluster';
// The benchmark renders the tab itself with the plugin's own fixtures, which the package does
// not export; esbuild bundles them from source.
/* eslint-disable @backstage/no-relative-monorepo-imports */
import { MulticlusterContent } from '../../../../plugins/multicluster/src/components/content/MulticlusterContent';
import { fleetView } from '../../../../plugins/multicluster/src/__fixtures__/entityViews';
import { detailWithPods } from '../../../../plugins/multicluster/src/__fixtures__/workloadDetails';
/* eslint-enable @backstage/no-relative-monorepo-imports */

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'checkout' },
  },
};

/** Serves one view (pushed at once, as the backend's stream does) and one workload detail. */
class FixedViewApi implements MulticlusterApi {
  constructor(
    private readonly view: EntityView,
    private readonly detail: WorkloadDetail,
  ) {}
  async getEntityView() {
    return this.view;
  }
  streamEntityView(
    _entity: unknown,
    onView: (view: EntityView) => void,
    options: { signal: AbortSignal },
  ) {
    onView(this.view);
    return new Promise<void>(resolve =>
      options.signal.addEventListener('abort', () => resolve()),
    );
  }
  async getWorkloadDetail() {
    return this.detail;
  }
  async getPodLogs() {
    return '';
  }
  async followPodLogs() {}
  async getOwnerView(): Promise<never> {
    throw new Error('not part of this benchmark');
  }
}

export interface TabMeasurement {
  /** React's actualDuration summed over every commit until the matrix is on screen. */
  renderMs: number;
  commits: number;
  /** Wall-clock time from render() to the matrix being in the DOM (includes effects). */
  wallMs: number;
  /** actualDuration for opening a cell's drawer and showing its pods table. */
  drawerMs: number;
  cells: number;
  podsInDrawer: number;
}

function until<T>(
  find: () => T | null | undefined,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      const found = find();
      if (found) resolve(found);
      else if (Date.now() - started > timeoutMs)
        reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(poll, 0);
    };
    poll();
  });
}

interface Mounted {
  root: Root;
  container: HTMLElement;
  grid: Element;
  durations: { tab: number; drawer: number };
  setPhase: (phase: 'tab' | 'drawer') => void;
  podsPerCluster: number;
}

let mounted: Mounted | undefined;

/** Mounts the tab and resolves once the matrix is in the DOM. */
export async function mountTab(options: {
  clusters: number;
  workloadsPerCluster: number;
  podsPerWorkload: number;
}): Promise<Pick<TabMeasurement, 'renderMs' | 'commits' | 'wallMs' | 'cells'>> {
  const view = fleetView(
    options.clusters,
    options.workloadsPerCluster,
    options.podsPerWorkload,
  );
  const podsPerCluster = options.workloadsPerCluster * options.podsPerWorkload;
  const api = new FixedViewApi(view, detailWithPods(podsPerCluster));

  let phase: 'tab' | 'drawer' = 'tab';
  const durations = { tab: 0, drawer: 0 };
  let commits = 0;
  const onRender: ProfilerOnRenderCallback = (_id, _phase, actualDuration) => {
    durations[phase] += actualDuration;
    if (phase === 'tab') commits += 1;
  };

  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  const started = performance.now();
  root.render(
    wrapInTestApp(
      <TestApiProvider apis={[[multiclusterApiRef, api]]}>
        <EntityProvider entity={entity}>
          <Profiler id="multicluster-tab" onRender={onRender}>
            <MulticlusterContent />
          </Profiler>
        </EntityProvider>
      </TestApiProvider>,
    ),
  );
  const grid = await until(
    () =>
      container.querySelector('[role="grid"] [data-testid^="cell-"]') &&
      container.querySelector('[role="grid"]'),
    'the matrix',
  );
  const wallMs = performance.now() - started;
  mounted = {
    root,
    container,
    grid,
    durations,
    setPhase: next => {
      phase = next;
    },
    podsPerCluster,
  };
  return {
    renderMs: durations.tab,
    commits,
    wallMs,
    cells: grid.querySelectorAll('[role="gridcell"]').length,
  };
}

/** Opens the first checkout cell and its Pods tab; resolves once pod rows are in the DOM. */
export async function openDrawer(): Promise<
  Pick<TabMeasurement, 'drawerMs' | 'podsInDrawer'>
> {
  const m = mounted!;
  m.setPhase('drawer');
  m.grid.querySelector<HTMLElement>('[data-testid^="cell-checkout-"]')!.click();
  const podsTab = await until(
    () =>
      [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find(t =>
        t.textContent?.startsWith('Pods'),
      ),
    'the drawer',
  );
  podsTab.click();
  const podRows = await until(() => {
    const rows = document.querySelectorAll('[data-testid="pod-row"]');
    return rows.length ? rows : undefined;
  }, 'the pods table');
  return { drawerMs: m.durations.drawer, podsInDrawer: podRows.length };
}

export function unmountTab() {
  mounted?.root.unmount();
  mounted?.container.remove();
  mounted = undefined;
}

export async function measureTab(options: {
  clusters: number;
  workloadsPerCluster: number;
  podsPerWorkload: number;
}): Promise<TabMeasurement> {
  const tab = await mountTab(options);
  const drawer = await openDrawer();
  unmountTab();
  return { ...tab, ...drawer };
}
