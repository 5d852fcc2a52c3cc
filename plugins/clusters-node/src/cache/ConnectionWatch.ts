import { createInterface } from 'node:readline';
import { KubeConfig, type Watch } from '@kubernetes/client-node';
import { KubernetesConnection } from '../connection/KubernetesConnection';
import { KubernetesRequestError } from '../connection/KubernetesRequestError';
import type { WatchedObject } from './resources';
import type { ApiObject } from './trim';

type WatchCallback = Parameters<Watch['watch']>[2];
type DoneCallback = Parameters<Watch['watch']>[3];

export interface ConnectionWatchOptions {
  connection: KubernetesConnection;
  trim(raw: ApiObject): WatchedObject;
  requestTimeoutMs: number;
  /** Server-side watch duration; the watch is then re-opened from the last resourceVersion. */
  watchTimeoutSeconds: number;
  /** Called once the API server accepted a watch (HTTP 200). */
  onConnected(): void;
}

/**
 * The `Watch` that client-node's ListWatch drives, on top of our KubernetesConnection. Unlike
 * client-node's own Watch it has a connect timeout, an idle watchdog (so a half-dead connection
 * cannot freeze the cache), bookmarks, and it trims each object before ListWatch stores it.
 */
export class ConnectionWatch implements Watch {
  /** Part of client-node's Watch type; ListWatch never reads it, our connection is used instead. */
  readonly config = new KubeConfig();
  /** ListWatch's event handler, kept so the cache can evict objects (see evict()). */
  private handler?: WatchCallback;
  private lastResourceVersion?: string;
  private current?: AbortController;

  constructor(private readonly options: ConnectionWatchOptions) {}

  async watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: WatchCallback,
    done: DoneCallback,
  ): Promise<AbortController> {
    const { connection, trim, requestTimeoutMs, watchTimeoutSeconds } =
      this.options;
    this.handler = callback;
    const controller = new AbortController();
    this.current = controller;
    let finished = false;
    const finish = (err: unknown) => {
      if (finished) return;
      finished = true;
      controller.abort();
      done(err ?? null);
    };

    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(queryParams)) {
      if (value !== undefined) query.set(key, String(value));
    }
    query.set('watch', 'true');
    query.set('allowWatchBookmarks', 'true');
    // Spread reconnects of many watches over time.
    query.set(
      'timeoutSeconds',
      String(Math.round(watchTimeoutSeconds * (0.8 + Math.random() * 0.4))),
    );

    try {
      const res = await connection.request(`${path}?${query}`, {
        timeoutMs: requestTimeoutMs,
        signal: controller.signal,
      });
      this.options.onConnected();
      const idleLimitMs = (watchTimeoutSeconds * 1.2 + 30) * 1000;
      const onIdle = () => {
        res.destroy(
          new KubernetesRequestError('timeout', `watch ${path} went silent`),
        );
      };
      let idle = setTimeout(onIdle, idleLimitMs);
      res.on('data', () => {
        clearTimeout(idle);
        idle = setTimeout(onIdle, idleLimitMs);
      });
      res.on('error', err => {
        clearTimeout(idle);
        finish(
          controller.signal.aborted
            ? null
            : KubernetesRequestError.fromNetworkError(err, `watch ${path}`),
        );
      });
      res.on('close', () => {
        clearTimeout(idle);
        finish(null);
      });
      const lines = createInterface({ input: res });
      // readline re-emits input errors; res's own handler above already ends the watch.
      lines.on('error', () => {});
      lines.on('line', line => {
        let event: { type: string; object: ApiObject };
        try {
          event = JSON.parse(line);
        } catch {
          return;
        }
        if (event.type === 'ERROR') {
          // ListWatch clears its resourceVersion on code 410 and relists when the stream ends.
          callback(event.type, event.object, event);
          return;
        }
        const obj =
          event.type === 'BOOKMARK' ? event.object : trim(event.object);
        this.lastResourceVersion =
          obj?.metadata?.resourceVersion ?? this.lastResourceVersion;
        callback(event.type, obj, event);
      });
    } catch (error) {
      finish(error);
    }
    return controller;
  }

  /**
   * Removes an object from the ListWatch store as if the server had deleted it. Used to bound
   * the Warning events kept. The resourceVersion passed along is the latest one seen, so the
   * watch position is unchanged.
   */
  evict(obj: WatchedObject): void {
    if (!this.handler) return;
    this.handler('DELETED', {
      ...obj,
      metadata: {
        ...obj.metadata,
        resourceVersion:
          this.lastResourceVersion ?? obj.metadata?.resourceVersion,
      },
    });
  }

  /** Ends the open watch; ListWatch then re-opens it from the last resourceVersion. */
  abortCurrent(): void {
    this.current?.abort();
  }

  noteResourceVersion(resourceVersion: string | undefined) {
    if (resourceVersion) this.lastResourceVersion = resourceVersion;
  }
}
