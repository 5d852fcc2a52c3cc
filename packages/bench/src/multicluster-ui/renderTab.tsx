/**
 * Renders one service across a large fleet, in each contender's entity content, inside a React
 * Profiler, and then opens a workload's pods table the way a user does. Bundled by esbuild and
 * run in headless Chromium by benchMulticlusterUi.ts, which hands it the data (dataset.ts) first.
 *
 * - ours: @kubeplatform/plugin-multicluster's Clusters tab (the matrix), then a click on the
 *   service's cell in the first cluster, which opens the drawer, and on its Pods tab.
 * - upstream: @backstage/plugin-kubernetes's entity content (`Router`, as EntityKubernetesContent
 *   renders it), then a click on the first cluster's panel and on the service's Deployment in it,
 *   which shows that Deployment's pods table.
 */
import { Profiler, ProfilerOnRenderCallback, ReactElement } from 'react';
import { createRoot, Root } from 'react-dom/client';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  mockApis,
  TestApiProvider,
  wrapInTestApp,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { Entity } from '@backstage/catalog-model';
import { EntityView, WorkloadDetail } from '@kubeplatform/clusters-common';
import {
  MulticlusterApi,
  multiclusterApiRef,
} from '@kubeplatform/plugin-multicluster';
import { Router as UpstreamKubernetesContent } from '@backstage/plugin-kubernetes';
import {
  KubernetesApi,
  kubernetesApiRef,
  kubernetesAuthProvidersApiRef,
  kubernetesClusterLinkFormatterApiRef,
  kubernetesProxyApiRef,
} from '@backstage/plugin-kubernetes-react';
// The benchmark renders the tab itself, which the package does not export; esbuild bundles it
// from source.
/* eslint-disable @backstage/no-relative-monorepo-imports */
import { MulticlusterContent } from '../../../../plugins/multicluster/src/components/content/MulticlusterContent';
/* eslint-enable @backstage/no-relative-monorepo-imports */

export type Contender = 'ours' | 'upstream';

/** What the bench hands the page, as JSON. */
export interface BenchData {
  entity: Entity;
  clusters: number;
  ours: { view: EntityView; detail: WorkloadDetail };
  upstream: Awaited<ReturnType<KubernetesApi['getObjectsByEntity']>>;
  /** A prefix of the first cluster's service pods' names. */
  podNamePrefix: string;
}

let data: BenchData | undefined;

/** Takes the data once, outside any timing. */
export function setData(json: string) {
  data = JSON.parse(json);
}

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

/** Answers as @backstage/plugin-kubernetes-backend would, with the same objects every time. */
function fixedKubernetesApi(response: BenchData['upstream']): KubernetesApi {
  const clusters = response.items.map(i => ({
    name: i.cluster.name,
    authProvider: 'serviceAccount',
  }));
  const notHere = async (): Promise<never> => {
    throw new Error('not part of this benchmark');
  };
  return {
    getObjectsByEntity: async () => response,
    getClusters: async () => clusters,
    getCluster: async name => clusters.find(c => c.name === name),
    getWorkloadsByEntity: notHere,
    getCustomObjectsByEntity: notHere,
    proxy: notHere,
  };
}

export interface ViewMeasurement {
  /** React's actualDuration summed over every commit until the view is on screen. */
  renderMs: number;
  commits: number;
  /** Wall-clock time from render() to the view being in the DOM. */
  wallMs: number;
  /** Matrix cells (ours) or cluster panels (upstream) on screen. */
  shown: number;
}

export interface PodsMeasurement {
  /** actualDuration from the first click until the pods table's rows are in the DOM. */
  podsMs: number;
  wallMs: number;
  /** Pod rows the table shows (its first page). */
  podRows: number;
}

function until<T>(
  find: () => T | null | undefined | false,
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
  contender: Contender;
  root: Root;
  container: HTMLElement;
  durations: { view: number; pods: number };
  setPhase: (phase: 'view' | 'pods') => void;
}

let mounted: Mounted | undefined;

function element(contender: Contender, d: BenchData): ReactElement {
  if (contender === 'ours') {
    return (
      <TestApiProvider
        apis={[
          [multiclusterApiRef, new FixedViewApi(d.ours.view, d.ours.detail)],
        ]}
      >
        <EntityProvider entity={d.entity}>
          <MulticlusterContent />
        </EntityProvider>
      </TestApiProvider>
    );
  }
  const notHere = async (): Promise<never> => {
    throw new Error('not part of this benchmark');
  };
  return (
    <TestApiProvider
      apis={[
        [kubernetesApiRef, fixedKubernetesApi(d.upstream)],
        [
          kubernetesAuthProvidersApiRef,
          {
            decorateRequestBodyForAuth: async (_p: string, body: any) => body,
            getCredentials: async () => ({}),
          },
        ],
        [
          kubernetesProxyApiRef,
          {
            getPodLogs: notHere,
            deletePod: notHere,
            getEventsByInvolvedObjectName: notHere,
          },
        ],
        [
          kubernetesClusterLinkFormatterApiRef,
          { formatClusterLink: async () => undefined },
        ],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <EntityProvider entity={d.entity}>
        {/* No refresh during the run: upstream polls every 10 s by default. */}
        <UpstreamKubernetesContent refreshIntervalMs={3_600_000} />
      </EntityProvider>
    </TestApiProvider>
  );
}

/** Mounts one contender's entity content and resolves once its overview is in the DOM. */
export async function mountView(
  contender: Contender,
): Promise<ViewMeasurement> {
  const d = data!;
  let phase: 'view' | 'pods' = 'view';
  const durations = { view: 0, pods: 0 };
  let commits = 0;
  const onRender: ProfilerOnRenderCallback = (_id, _phase, actualDuration) => {
    durations[phase] += actualDuration;
    if (phase === 'view') commits += 1;
  };
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  const started = performance.now();
  root.render(
    wrapInTestApp(
      <Profiler id={contender} onRender={onRender}>
        {element(contender, d)}
      </Profiler>,
    ),
  );
  const shown =
    contender === 'ours'
      ? await until(() => {
          const cells = container.querySelectorAll(
            '[role="grid"] [data-testid^="cell-"]',
          );
          return cells.length ? cells.length : undefined;
        }, 'the matrix')
      : await until(() => {
          const panels = clusterPanels(container);
          return panels.length >= d.clusters ? panels.length : undefined;
        }, 'the cluster panels');
  const wallMs = performance.now() - started;
  mounted = {
    contender,
    root,
    container,
    durations,
    setPhase: next => {
      phase = next;
    },
  };
  return { renderMs: durations.view, commits, wallMs, shown };
}

/** Upstream's top-level accordions, one per cluster. */
function clusterPanels(container: HTMLElement): HTMLElement[] {
  return [
    ...container.querySelectorAll<HTMLElement>('.MuiAccordion-root'),
  ].filter(a => !a.parentElement?.closest('.MuiAccordion-root'));
}

function summaryOf(accordion: Element): HTMLElement {
  return accordion.querySelector<HTMLElement>(
    ':scope > .MuiAccordionSummary-root',
  )!;
}

/** Opens the first cluster's pods table of the service; resolves once pod rows are in the DOM. */
export async function openPods(): Promise<PodsMeasurement> {
  const m = mounted!;
  const d = data!;
  m.setPhase('pods');
  const started = performance.now();
  const rowsIn = (scope: ParentNode, selector: string) =>
    [...scope.querySelectorAll<HTMLElement>(selector)].filter(r =>
      r.textContent?.includes(d.podNamePrefix),
    );
  let rows: HTMLElement[];
  if (m.contender === 'ours') {
    m.container
      .querySelector<HTMLElement>('[data-testid^="cell-checkout-"]')!
      .click();
    const podsTab = await until(
      () =>
        [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find(t =>
          t.textContent?.startsWith('Pods'),
        ),
      'the drawer',
    );
    podsTab.click();
    rows = await until(() => {
      const found = rowsIn(document, '[data-testid="pod-row"]');
      return found.length ? found : undefined;
    }, 'the pods table');
  } else {
    const first = clusterPanels(m.container)[0];
    summaryOf(first).click();
    const deployment = await until(
      () =>
        [...first.querySelectorAll('.MuiAccordion-root')].find(a => {
          const text = summaryOf(a)?.textContent ?? '';
          return text.includes('checkout') && !text.includes('checkout-worker');
        }),
      "the service's Deployment",
    );
    summaryOf(deployment).click();
    rows = await until(() => {
      const found = rowsIn(deployment, 'tbody tr');
      return found.length ? found : undefined;
    }, 'the pods table');
  }
  return {
    podsMs: m.durations.pods,
    wallMs: performance.now() - started,
    podRows: rows.length,
  };
}

export function unmount() {
  mounted?.root.unmount();
  mounted?.container.remove();
  mounted = undefined;
  // Drawers and menus portal into body; leave nothing for the next run.
  document.body.replaceChildren();
}
