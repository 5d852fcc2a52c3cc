import type {
  EntityAddress,
  MulticlusterApi,
  PodLogRequest,
  StreamOptions,
  WorkloadAddress,
} from '../api';
import type {
  EntityView,
  OwnerView,
  WorkloadDetail,
} from '@kubeplatform/clusters-common';

interface OpenStream {
  entity: EntityAddress;
  onView: (view: EntityView) => void;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * An in-memory MulticlusterApi whose streams the test drives: push views, drop the connection,
 * end it. Each method records its calls so that a test can assert what the UI asked for.
 */
export class FakeMulticlusterApi implements MulticlusterApi {
  readonly streams: OpenStream[] = [];
  readonly logRequests: Array<PodLogRequest & { follow: boolean }> = [];
  readonly detailRequests: WorkloadAddress[] = [];
  /** Sent as the first message of every new stream, as the backend does. */
  initialView?: EntityView;
  /** Thrown by streamEntityView instead of opening a stream. */
  streamError?: Error;
  detail?: WorkloadDetail | Error;
  ownerView?: OwnerView | Error;
  logs: (request: PodLogRequest) => string | Error = () => '';

  constructor(initialView?: EntityView) {
    this.initialView = initialView;
  }

  get openStreams(): OpenStream[] {
    return this.streams.filter(s => !(s as any).closed);
  }

  async getEntityView(): Promise<EntityView> {
    if (!this.initialView) throw new Error('no view');
    return this.initialView;
  }

  streamEntityView(
    entity: EntityAddress,
    onView: (view: EntityView) => void,
    options: StreamOptions,
  ): Promise<void> {
    if (this.streamError) return Promise.reject(this.streamError);
    return new Promise<void>((resolve, reject) => {
      const stream: OpenStream & { closed?: boolean } = {
        entity,
        onView,
        resolve: () => {
          stream.closed = true;
          resolve();
        },
        reject: error => {
          stream.closed = true;
          reject(error);
        },
      };
      options.signal.addEventListener('abort', () => stream.resolve());
      this.streams.push(stream);
      if (this.initialView) onView(this.initialView);
    });
  }

  /** Pushes a view to every open stream. */
  push(view: EntityView) {
    for (const s of this.openStreams) s.onView(view);
  }

  /** Breaks every open stream, as a dropped connection does. */
  drop(error = new Error('network connection lost')) {
    for (const s of this.openStreams) s.reject(error);
  }

  async getWorkloadDetail(address: WorkloadAddress): Promise<WorkloadDetail> {
    this.detailRequests.push(address);
    if (!this.detail) throw new Error('no detail configured');
    if (this.detail instanceof Error) throw this.detail;
    return this.detail;
  }

  async getPodLogs(request: PodLogRequest): Promise<string> {
    this.logRequests.push({ ...request, follow: false });
    const result = this.logs(request);
    if (result instanceof Error) throw result;
    return result;
  }

  followPodLogs(
    request: PodLogRequest,
    onText: (text: string) => void,
    options: StreamOptions,
  ): Promise<void> {
    this.logRequests.push({ ...request, follow: true });
    const result = this.logs(request);
    if (result instanceof Error) return Promise.reject(result);
    return new Promise(resolve => {
      onText(result);
      options.signal.addEventListener('abort', () => resolve());
    });
  }

  async getOwnerView(): Promise<OwnerView> {
    if (!this.ownerView) throw new Error('no owner view configured');
    if (this.ownerView instanceof Error) throw this.ownerView;
    return this.ownerView;
  }
}
