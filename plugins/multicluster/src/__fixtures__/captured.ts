/**
 * Responses captured from the real multicluster backend against the local clusters with
 * scripts/capture-fixtures.mjs. They pass through the client's own validators, so a test that
 * uses them fails if the wire format drifts from what the UI accepts.
 */
import {
  parseEntityView,
  parseOwnerView,
  parseWorkloadDetail,
} from '../api/validate';
import unreachableView from './captured/checkout.unreachable.entity-view.json';
import unreachableStreamed from './captured/checkout.unreachable.stream-first-view.json';
import unreachableDetail from './captured/checkout.unreachable.dev-eu.Deployment.checkout.workload-detail.json';
import unreachableOwner from './captured/team-shop.unreachable.owner-view.json';
import untrustedView from './captured/checkout.untrusted.entity-view.json';
import demoView from './captured/checkout.demo.entity-view.json';
import demoProdDetail from './captured/checkout.demo.prod-us.Deployment.checkout.workload-detail.json';
import demoOwner from './captured/team-shop.demo.owner-view.json';
import metricsView from './captured/checkout.metrics.entity-view.json';
import metricsProdDetail from './captured/checkout.metrics.prod-us.Deployment.checkout.workload-detail.json';
import metricsDevDetail from './captured/checkout.metrics.dev-eu.Deployment.checkout.workload-detail.json';
import metricsNotificationsDetail from './captured/notifications.metrics.prod-us.Deployment.notifications.workload-detail.json';

/** Passes a captured JSON document through the client's validator for its kind. */
const through =
  <T>(parse: (text: string, url: string) => T) =>
  (json: unknown): T =>
    parse(JSON.stringify(json), 'captured');
const entityView = through(parseEntityView);
const workloadDetail = through(parseWorkloadDetail);
const ownerView = through(parseOwnerView);

/** checkout while prod-us's API server was down (ECONNREFUSED); dev-eu live. */
export const capturedUnreachableView = entityView(unreachableView);
/** The first `view` event of the SSE stream at the same moment. */
export const capturedUnreachableStreamedView = entityView(unreachableStreamed);
/** checkout's Deployment in dev-eu. */
export const capturedDevEuCheckoutDetail = workloadDetail(unreachableDetail);
/** group:default/team-shop while prod-us was down. */
export const capturedTeamShopOwnerView = ownerView(unreachableOwner);

/**
 * checkout after both clusters were re-created with new certificates: the backend's cached CA no
 * longer matches. dev-eu keeps its last data; prod-us has none.
 */
export const capturedUntrustedView = entityView(untrustedView);

/**
 * checkout on the demo fleet as seeded: crash-looping with its HPA at max in prod-us, 1.5.0 in
 * dev-eu against 1.4.2 in prod-us.
 */
export const capturedDemoView = entityView(demoView);
export const capturedDemoProdDetail = workloadDetail(demoProdDetail);
export const capturedDemoOwnerView = ownerView(demoOwner);

/**
 * The demo fleet with metrics-server (v0.8.0 against kwok's emulated usage): checkout is the hot
 * service (250m per pod against a 100m request; memory 180 MiB against 128 MiB requested and
 * 256 MiB limit), metrics `ok` in both clusters. Captured from the multicluster backend started on
 * the fleet by startMulticlusterOnFleet (the integration tests' harness), once both clusters'
 * metrics were `ok`.
 */
export const capturedMetricsView = entityView(metricsView);
export const capturedMetricsProdDetail = workloadDetail(metricsProdDetail);
export const capturedMetricsDevDetail = workloadDetail(metricsDevDetail);
/** notifications in prod-us: idle CPU, memory at 92% of its limit (MemoryNearLimit). */
export const capturedNotificationsNearLimitDetail = workloadDetail(
  metricsNotificationsDetail,
);
