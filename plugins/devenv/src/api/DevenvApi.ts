import { createApiRef } from '@backstage/core-plugin-api';
import type {
  Environment,
  EnvironmentClassSummary,
  EnvironmentClusterSummary,
  EnvironmentPatch,
} from '@kubeplatform/clusters-common';

/**
 * `GET /environments`: the environments, and clusters that could not be read, as data.
 *
 * @public
 */
export interface EnvironmentList {
  items: Environment[];
  errors: Array<{ cluster: string; message: string }>;
}

/**
 * The devenv platform API (`/api/devenv`), as the browser uses it.
 *
 * @public
 */
export interface DevenvApi {
  listEnvironments(filter?: {
    owner?: string;
    cluster?: string;
  }): Promise<EnvironmentList>;
  getEnvironment(cluster: string, name: string): Promise<Environment>;
  updateEnvironment(
    cluster: string,
    name: string,
    patch: EnvironmentPatch,
  ): Promise<Environment>;
  deleteEnvironment(cluster: string, name: string): Promise<void>;
  listClasses(): Promise<EnvironmentClassSummary[]>;
  listClusters(): Promise<EnvironmentClusterSummary[]>;
}

/** @public */
export const devenvApiRef = createApiRef<DevenvApi>({
  id: 'plugin.kubeplatform.devenv',
});
