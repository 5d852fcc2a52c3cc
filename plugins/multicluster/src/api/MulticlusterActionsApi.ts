import { createApiRef } from '@backstage/core-plugin-api';
import {
  EntityAddress,
  RequestOptions,
  WorkloadAddress,
} from './MulticlusterApi';

/** Which actions the signed-in user may take on an entity's workloads. */
export interface AllowedActions {
  restart: { allowed: boolean };
  scale: { allowed: boolean };
  deletePod: { allowed: boolean };
}

/** One pod as the view showed it: the uid makes sure a replacement is never deleted instead. */
export interface PodAddress {
  entity: EntityAddress;
  cluster: string;
  pod: { namespace: string; name: string; uid: string };
}

/**
 * Restart, scale and delete pod (`/api/multicluster`), each behind its own permission. Kept
 * apart from MulticlusterApi so that an app without it still shows the read-only view.
 */
export interface MulticlusterActionsApi {
  getAllowedActions(
    entity: EntityAddress,
    options?: RequestOptions,
  ): Promise<AllowedActions>;

  /** Rolls the workload's pods (Deployments, StatefulSets, DaemonSets). */
  restartWorkload(
    address: WorkloadAddress,
    options?: RequestOptions,
  ): Promise<{ restartedAt: string }>;

  /** Sets the replica count (Deployments, StatefulSets), within HPA bounds. */
  scaleWorkload(
    address: WorkloadAddress,
    replicas: number,
    options?: RequestOptions,
  ): Promise<{ replicas: number }>;

  deletePod(address: PodAddress, options?: RequestOptions): Promise<void>;
}

export const multiclusterActionsApiRef = createApiRef<MulticlusterActionsApi>({
  id: 'plugin.multicluster.actions',
});
