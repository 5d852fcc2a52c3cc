import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { EntityTimeline } from '@kubeplatform/clusters-common';
import { fetchTextWithin } from './fetchTextWithin';
import type { EntityAddress, RequestOptions } from './MulticlusterApi';
import type {
  MulticlusterTimelineApi,
  TimelineQuery,
} from './MulticlusterTimelineApi';
import { parseEntityTimeline } from './parseEntityTimeline';
import { parseEntityView } from './validate';

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
    const entityUrl = `${base}/entities/${segment(
      kind.toLocaleLowerCase('en-US'),
    )}/${segment(namespace)}/${segment(name)}`;
    const params = new URLSearchParams();
    if (query.clusters?.length) params.set('cluster', query.clusters.join(','));
    if (query.types?.length) params.set('type', query.types.join(','));
    const qs = params.toString();
    const url = `${entityUrl}/timeline${qs ? `?${qs}` : ''}`;
    const get = async (target: string) =>
      fetchTextWithin(
        this.options.fetchApi,
        target,
        this.requestTimeoutMs,
        options?.signal,
        await options?.viewerAuth?.headers(),
      );

    const timeline = parseEntityTimeline(await get(url), url);
    // The timeline does not name its clusters' providers: when nothing has taught this session
    // which user-level providers exist and a cluster refused the viewer, the entity view does.
    const auth = options?.viewerAuth;
    if (
      auth &&
      !auth.primed &&
      timeline.clusters.some(c => c.sync.state === 'unauthorized')
    ) {
      const view = await get(entityUrl)
        .then(text => parseEntityView(text, entityUrl))
        .catch(() => undefined);
      if (view && (await auth.learn(view.clusters.map(c => c.cluster)))) {
        return parseEntityTimeline(await get(url), url);
      }
    }
    return timeline;
  }
}
