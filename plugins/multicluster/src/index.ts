/**
 * The multi-cluster service view for Backstage: entity card, entity tab and team card.
 *
 * @packageDocumentation
 */

export {
  multiclusterPlugin,
  EntityMulticlusterCard,
  EntityMulticlusterContent,
  EntityMulticlusterTimelineContent,
  EntityOwnedServicesCard,
} from './plugin';
export { isMulticlusterAvailable } from './isMulticlusterAvailable';
export {
  MulticlusterClient,
  multiclusterApiRef,
  MulticlusterTimelineClient,
  multiclusterTimelineApiRef,
  MalformedResponseError,
  RequestTimeoutError,
} from './api';
export type {
  MulticlusterApi,
  MulticlusterClientOptions,
  EntityAddress,
  WorkloadAddress,
  PodLogRequest,
  RequestOptions,
  StreamOptions,
  MulticlusterTimelineApi,
  TimelineQuery,
  MulticlusterViewerAuth,
} from './api';
export { useViewerAuth } from './hooks/useViewerAuth';
