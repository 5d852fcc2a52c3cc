import { createApiRef } from '@backstage/core-plugin-api';
import {
  EntityView,
  OwnerView,
  WorkloadDetail,
  WorkloadKind,
} from '@kubeplatform/clusters-common';
import type { MulticlusterViewerAuth } from './viewerAuth';

/**
 * An entity as the multicluster backend addresses it: kind, namespace and name.
 *
 * @public
 */
export interface EntityAddress {
  kind: string;
  namespace: string;
  name: string;
}

/**
 * One workload in one cluster, the unit the drawer shows.
 *
 * @public
 */
export interface WorkloadAddress {
  entity: EntityAddress;
  cluster: string;
  workload: { kind: WorkloadKind; namespace: string; name: string };
}

/**
 * One container's log in one cluster.
 *
 * @public
 */
export interface PodLogRequest {
  entity: EntityAddress;
  cluster: string;
  pod: { namespace: string; name: string };
  container?: string;
  /** The log of the previous, terminated instance of the container. */
  previous?: boolean;
  tailLines?: number;
}

/** @public */
export interface RequestOptions {
  signal?: AbortSignal;
  /**
   * The viewer's provider tokens for user-level clusters (see useViewerAuth); without it, such
   * clusters show as unauthorized.
   */
  viewerAuth?: MulticlusterViewerAuth;
}

/** @public */
export interface StreamOptions {
  signal: AbortSignal;
  /** As in RequestOptions. */
  viewerAuth?: MulticlusterViewerAuth;
}

/**
 * Client for the multicluster backend (`/api/multicluster`).
 *
 * @public
 */
export interface MulticlusterApi {
  /** The entity's state across every cluster, once. */
  getEntityView(
    entity: EntityAddress,
    options?: RequestOptions,
  ): Promise<EntityView>;

  /**
   * Follows the entity's live view. `onView` is called with every view the backend pushes, the
   * first one immediately. The promise settles when the stream ends: it resolves when the server
   * closed it cleanly or the signal aborted, and rejects on any failure.
   */
  streamEntityView(
    entity: EntityAddress,
    onView: (view: EntityView) => void,
    options: StreamOptions,
  ): Promise<void>;

  /** Pods, events, autoscaler and kubectl commands of one workload in one cluster. */
  getWorkloadDetail(
    address: WorkloadAddress,
    options?: RequestOptions,
  ): Promise<WorkloadDetail>;

  /** The last lines of a container's log. */
  getPodLogs(request: PodLogRequest, options?: RequestOptions): Promise<string>;

  /**
   * Follows a container's log: `onText` receives each chunk as it arrives. Settles like
   * streamEntityView.
   */
  followPodLogs(
    request: PodLogRequest,
    onText: (text: string) => void,
    options: StreamOptions,
  ): Promise<void>;

  /** Every service an owner (group or user) owns, with its health across clusters. */
  getOwnerView(
    owner: EntityAddress,
    options?: RequestOptions,
  ): Promise<OwnerView>;
}

/** @public */
export const multiclusterApiRef = createApiRef<MulticlusterApi>({
  id: 'plugin.multicluster.service',
});
