import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityView,
  OwnerView,
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
import { ServerSentEventParser } from './sseParser';
import {
  parseEntityView,
  parseOwnerView,
  parseWorkloadDetail,
} from './validate';
import { fetchTextWithin } from './fetchTextWithin';
import { linkedAbortController } from './linkedAbortController';
import { RequestTimeoutError } from './RequestTimeoutError';

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
    const url = await this.url(`/entities/${entityPath(entity)}`);
    const text = await this.getText(url, options);
    return parseEntityView(text, url);
  }

  async streamEntityView(
    entity: EntityAddress,
    onView: (view: EntityView) => void,
    options: StreamOptions,
  ): Promise<void> {
    const url = await this.url(`/entities/${entityPath(entity)}/stream`);
    const parser = new ServerSentEventParser();
    await this.readStream(
      url,
      { Accept: 'text/event-stream' },
      options.signal,
      text => {
        for (const event of parser.push(text)) {
          if (event.event === 'view') onView(parseEntityView(event.data, url));
        }
      },
    );
  }

  async getWorkloadDetail(
    { entity, cluster, workload }: WorkloadAddress,
    options?: RequestOptions,
  ): Promise<WorkloadDetail> {
    const url = await this.url(
      `/entities/${entityPath(entity)}/clusters/${segment(
        cluster,
      )}/workloads/` +
        `${segment(workload.kind)}/${segment(workload.namespace)}/${segment(
          workload.name,
        )}`,
    );
    const text = await this.getText(url, options);
    return parseWorkloadDetail(text, url);
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
      { Accept: 'text/plain' },
      options.signal,
      onText,
    );
  }

  async getOwnerView(
    owner: EntityAddress,
    options?: RequestOptions,
  ): Promise<OwnerView> {
    const url = await this.url(`/owners/${entityPath(owner)}`);
    const text = await this.getText(url, options);
    return parseOwnerView(text, url);
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

  private getText(url: string, options?: RequestOptions): Promise<string> {
    return fetchTextWithin(
      this.fetchApi,
      url,
      this.requestTimeoutMs,
      options?.signal,
    );
  }

  private async readStream(
    url: string,
    headers: Record<string, string>,
    signal: AbortSignal,
    onText: (text: string) => void,
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
        if (text) onText(text);
      }
      const rest = decoder.decode();
      if (rest) onText(rest);
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
