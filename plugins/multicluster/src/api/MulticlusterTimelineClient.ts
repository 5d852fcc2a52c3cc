import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { EntityTimeline } from '@kubeplatform/clusters-common';
import { fetchTextWithin } from './fetchTextWithin';
import type { EntityAddress, RequestOptions } from './MulticlusterApi';
import type {
  MulticlusterTimelineApi,
  TimelineQuery,
} from './MulticlusterTimelineApi';
import { parseEntityTimeline } from './parseEntityTimeline';

const segment = encodeURIComponent;

/**
 * Reads the timeline with the signed-in user's credentials (via fetchApi), within a timeout.
 *
 * @public
 */
export class MulticlusterTimelineClient implements MulticlusterTimelineApi {
  private readonly requestTimeoutMs: number;

  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
      requestTimeoutMs?: number;
    },
  ) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? 20_000;
  }

  async getEntityTimeline(
    { kind, namespace, name }: EntityAddress,
    query: TimelineQuery = {},
    options?: RequestOptions,
  ): Promise<EntityTimeline> {
    const base = await this.options.discoveryApi.getBaseUrl('multicluster');
    const params = new URLSearchParams();
    if (query.clusters?.length) params.set('cluster', query.clusters.join(','));
    if (query.types?.length) params.set('type', query.types.join(','));
    const qs = params.toString();
    const url = `${base}/entities/${segment(
      kind.toLocaleLowerCase('en-US'),
    )}/${segment(namespace)}/${segment(name)}/timeline${qs ? `?${qs}` : ''}`;

    const text = await fetchTextWithin(
      this.options.fetchApi,
      url,
      this.requestTimeoutMs,
      options?.signal,
    );
    return parseEntityTimeline(text, url);
  }
}
