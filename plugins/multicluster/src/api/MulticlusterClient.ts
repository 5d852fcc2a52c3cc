import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ClusterIdentity,
  EntityView,
  OwnerView,
  ServerSentEventParser,
  WorkloadDetail,
} from '@kubeplatform/clusters-common';
import {
  EntityAddress,
  MulticlusterApi,
  PodLogRequest,
  RequestOptions,
  StreamOptions,
  WorkloadAddress,
} from './MulticlusterApi';
import {
  parseEntityView,
  parseOwnerView,
  parseWorkloadDetail,
} from './validate';
import { fetchTextWithin } from './fetchTextWithin';
import { linkedAbortController } from './linkedAbortController';
import { RequestTimeoutError } from './RequestTimeoutError';
import type { MulticlusterViewerAuth } from './viewerAuth';

export { RequestTimeoutError };

/** @public */
export interface MulticlusterClientOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
  /** How long a one-off request may take. */
  requestTimeoutMs?: number;
  /**
   * How long a stream may stay silent. The backend sends a keepalive comment well inside this,
   * so silence means the connection is dead even if TCP has not noticed.
   */
  streamIdleTimeoutMs?: number;
}

const segment = encodeURIComponent;

function entityPath({ kind, namespace, name }: EntityAddress): string {
  return `${segment(kind.toLocaleLowerCase('en-US'))}/${segment(
    namespace,
  )}/${segment(name)}`;
}

/**
 * Talks to the multicluster backend with the signed-in user's credentials (via fetchApi).
 *
 * @public
 */
export class MulticlusterClient implements MulticlusterApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly requestTimeoutMs: number;
  private readonly streamIdleTimeoutMs: number;

  constructor(options: MulticlusterClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 20_000;
    this.streamIdleTimeoutMs = options.streamIdleTimeoutMs ?? 45_000;
  }

  async getEntityView(
    entity: EntityAddress,
    options?: RequestOptions,
  ): Promise<EntityView> {
    return this.getLearningProviders(
      `/entities/${entityPath(entity)}`,
      parseEntityView,
      view => view.clusters,
      options,
    );
  }

  async streamEntityView(
    entity: EntityAddress,
    onView: (view: EntityView) => void,
    options: StreamOptions,
  ): Promise<void> {
    const url = await this.url(`/entities/${entityPath(entity)}/stream`);
    // When a view names a user-level cluster whose provider this session had no token for yet,
    // the stream is opened again with it (once per provider), and that view is not shown.
    for (;;) {
      const { controller, release } = linkedAbortController(options.signal);
      const parser = new ServerSentEventParser();
      let reopen = false;
      try {
        await this.readStream(
          url,
          {
            Accept: 'text/event-stream',
            ...(await options.viewerAuth?.headers()),
          },
          controller.signal,
          async text => {
            for (const event of parser.push(text)) {
              if (event.event !== 'view' || reopen) continue;
              const view = parseEntityView(event.data, url);
              if (await learnFrom(options, view.clusters)) {
                reopen = true;
                controller.abort();
                return;
              }
              onView(view);
            }
          },
        );
      } finally {
        release();
      }
      if (!reopen || options.signal.aborted) return;
    }
  }

  async getWorkloadDetail(
    { entity, cluster, workload }: WorkloadAddress,
    options?: RequestOptions,
  ): Promise<WorkloadDetail> {
    return this.getLearningProviders(
      `/entities/${entityPath(entity)}/clusters/${segment(
        cluster,
      )}/workloads/` +
        `${segment(workload.kind)}/${segment(workload.namespace)}/${segment(
          workload.name,
        )}`,
      parseWorkloadDetail,
      detail => [detail.cluster],
      options,
    );
  }

  async getPodLogs(
    request: PodLogRequest,
    options?: RequestOptions,
  ): Promise<string> {
    return this.getText(await this.logsUrl(request, false), options);
  }

  async followPodLogs(
    request: PodLogRequest,
    onText: (text: string) => void,
    options: StreamOptions,
  ): Promise<void> {
    const url = await this.logsUrl(request, true);
    await this.readStream(
      url,
      { Accept: 'text/plain', ...(await options.viewerAuth?.headers()) },
      options.signal,
      onText,
    );
  }

  async getOwnerView(
    owner: EntityAddress,
    options?: RequestOptions,
  ): Promise<OwnerView> {
    const url = await this.url(`/owners/${entityPath(owner)}`);
    const view = await this.getParsed(url, parseOwnerView, options);
    // The owner view does not name its clusters' providers: when nothing has taught this session
    // which user-level providers exist and a cluster refused the viewer, one entity view does.
    const auth = options?.viewerAuth;
    const refused = view.entities.find(e =>
      e.clusters.some(c => c.sync.state === 'unauthorized'),
    );
    if (auth && !auth.primed && refused) {
      const before = Object.keys(await auth.headers()).length;
      await this.getEntityView(parseEntityRef(refused.entityRef), {
        signal: options?.signal,
        viewerAuth: auth,
      }).catch(() => undefined);
      if (Object.keys(await auth.headers()).length > before) {
        return this.getParsed(url, parseOwnerView, options);
      }
    }
    return view;
  }

  private async url(path: string): Promise<string> {
    const base = await this.discoveryApi.getBaseUrl('multicluster');
    return `${base}${path}`;
  }

  private async logsUrl(
    request: PodLogRequest,
    follow: boolean,
  ): Promise<string> {
    const { entity, cluster, pod } = request;
    const query = new URLSearchParams();
    if (request.container) query.set('container', request.container);
    if (request.previous) query.set('previous', 'true');
    if (follow) query.set('follow', 'true');
    if (request.tailLines !== undefined)
      query.set('tailLines', String(request.tailLines));
    const qs = query.toString();
    return this.url(
      `/entities/${entityPath(entity)}/clusters/${segment(cluster)}/pods/` +
        `${segment(pod.namespace)}/${segment(pod.name)}/logs${
          qs ? `?${qs}` : ''
        }`,
    );
  }

  /**
   * Gets `path` and parses it; when the answer names a user-level cluster whose provider this
   * session had no token for yet, asks once more with the viewer's token.
   */
  private async getLearningProviders<T>(
    path: string,
    parse: (text: string, url: string) => T,
    clustersOf: (answer: T) => Parameters<typeof learnFrom>[1],
    options?: RequestOptions,
  ): Promise<T> {
    const url = await this.url(path);
    const answer = await this.getParsed(url, parse, options);
    if (await learnFrom(options, clustersOf(answer))) {
      return this.getParsed(url, parse, options);
    }
    return answer;
  }

  private async getParsed<T>(
    url: string,
    parse: (text: string, url: string) => T,
    options?: RequestOptions,
  ): Promise<T> {
    return parse(await this.getText(url, options), url);
  }

  private async getText(
    url: string,
    options?: RequestOptions,
  ): Promise<string> {
    return fetchTextWithin(
      this.fetchApi,
      url,
      this.requestTimeoutMs,
      options?.signal,
      await options?.viewerAuth?.headers(),
    );
  }

  private async readStream(
    url: string,
    headers: Record<string, string>,
    signal: AbortSignal,
    onText: (text: string) => void | Promise<void>,
  ): Promise<void> {
    const { controller, release } = linkedAbortController(signal);
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const armIdleTimer = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.streamIdleTimeoutMs);
    };
    try {
      armIdleTimer();
      const response = await this.fetchApi.fetch(url, {
        headers,
        signal: controller.signal,
      });
      if (!response.ok) throw await ResponseError.fromResponse(response);
      if (!response.body) {
        throw new Error(`The multicluster backend sent no body: ${url}`);
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        armIdleTimer();
        const text = decoder.decode(value, { stream: true });
        if (text) await onText(text);
      }
      const rest = decoder.decode();
      if (rest) await onText(rest);
    } catch (error) {
      if (signal.aborted) return;
      if (timedOut) {
        throw new RequestTimeoutError(
          `The multicluster stream went silent for ${Math.round(
            this.streamIdleTimeoutMs / 1000,
          )} s: ${url}`,
        );
      }
      throw error;
    } finally {
      clearTimeout(timer);
      release();
    }
  }
}

/** Learns the user-level providers the clusters name; true when a new one has a token. */
function learnFrom(
  options: { viewerAuth?: MulticlusterViewerAuth } | undefined,
  clusters: ReadonlyArray<{ cluster: ClusterIdentity } | ClusterIdentity>,
): Promise<boolean> {
  const auth = options?.viewerAuth;
  if (!auth) return Promise.resolve(false);
  return auth.learn(clusters.map(c => ('cluster' in c ? c.cluster : c)));
}
