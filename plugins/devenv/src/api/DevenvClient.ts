import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  Environment,
  EnvironmentClassSummary,
  EnvironmentClusterSummary,
  EnvironmentPatch,
} from '@kubeplatform/clusters-common';
import type { DevenvApi, EnvironmentList } from './DevenvApi';

/** @public */
export interface DevenvClientOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}

/**
 * Talks to the devenv backend with the signed-in user's credentials.
 *
 * @public
 */
export class DevenvClient implements DevenvApi {
  constructor(private readonly options: DevenvClientOptions) {}

  async listEnvironments(
    filter: { owner?: string; cluster?: string } = {},
  ): Promise<EnvironmentList> {
    const query = new URLSearchParams();
    if (filter.owner) query.set('owner', filter.owner);
    if (filter.cluster) query.set('cluster', filter.cluster);
    const suffix = query.size ? `?${query}` : '';
    const body = await this.request<EnvironmentList>(`/environments${suffix}`);
    return { items: body.items ?? [], errors: body.errors ?? [] };
  }

  getEnvironment(cluster: string, name: string): Promise<Environment> {
    return this.request(environmentPath(cluster, name));
  }

  updateEnvironment(
    cluster: string,
    name: string,
    patch: EnvironmentPatch,
  ): Promise<Environment> {
    return this.request(environmentPath(cluster, name), {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(patch),
    });
  }

  async deleteEnvironment(cluster: string, name: string): Promise<void> {
    await this.request(environmentPath(cluster, name), { method: 'DELETE' });
  }

  async listClasses(): Promise<EnvironmentClassSummary[]> {
    return (
      await this.request<{ items: EnvironmentClassSummary[] }>('/classes')
    ).items;
  }

  async listClusters(): Promise<EnvironmentClusterSummary[]> {
    return (
      await this.request<{ items: EnvironmentClusterSummary[] }>('/clusters')
    ).items;
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('devenv');
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${path}`,
      init,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** The path of one environment under `/api/devenv`; also used by the kubeconfig download. */
export function environmentPath(cluster: string, name: string): string {
  return `/environments/${encodeURIComponent(cluster)}/${encodeURIComponent(
    name,
  )}`;
}
