import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubernetesRequestError } from './KubernetesRequestError';
import { limitLineLength } from './limitLineLength';

/** Lets API server audit logs tell Kubeplatform's requests apart. */
export const USER_AGENT = 'kubeplatform-clusters-node';

/** @public */
export interface RequestOptions {
  /** Time allowed until the response headers arrive. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Sent as `Accept`; JSON by default. */
  accept?: string;
}

/** Sockets per cluster for the watch cache and JSON reads. */
export const WATCH_SOCKETS = 64;
/** Sockets per cluster for pod logs, kept apart so log follows never starve the watches. */
export const LOG_SOCKETS = 16;

export interface ConnectionLimits {
  /** Sockets of the pool that pod log requests use. */
  logSockets: number;
  /** Largest JSON body read into memory (list pages, /version). */
  maxBodyBytes: number;
  /** Longest single line of a watch response; one Kubernetes object is far smaller. */
  maxWatchLineBytes: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  logSockets: LOG_SOCKETS,
  maxBodyBytes: 64 * 1024 * 1024,
  maxWatchLineBytes: 16 * 1024 * 1024,
};

interface ResolvedTarget {
  base: URL;
  /** Watches and JSON reads. */
  agent: http.Agent;
  /** Pod logs only. */
  logAgent: http.Agent;
  headers: Record<string, string>;
}

/**
 * The one place that talks HTTP to one cluster's API server: URL building, TLS, a keep-alive agent,
 * timeouts, and mapping failures to KubernetesRequestError. The credentials it holds are only
 * ever written into request headers.
 *
 * @public
 */
export class KubernetesConnection {
  private resolved?: Promise<ResolvedTarget>;
  private readonly limits: ConnectionLimits;

  constructor(
    readonly clusterName: string,
    private readonly loadKubeConfig: () => Promise<KubeConfig>,
    limits: Partial<ConnectionLimits> = {},
  ) {
    this.limits = { ...DEFAULT_CONNECTION_LIMITS, ...limits };
  }

  /** Drops the cached credentials and agents, e.g. after a 401, so they are loaded again. */
  reset(): void {
    const previous = this.resolved;
    this.resolved = undefined;
    previous
      ?.then(r => {
        r.agent.destroy();
        r.logAgent.destroy();
      })
      .catch(() => {});
  }

  close(): void {
    this.reset();
  }

  async getJson<T>(path: string, options: RequestOptions): Promise<T> {
    const res = await this.request(path, options);
    const body = await readBody(
      res,
      options.timeoutMs * 4,
      this.limits.maxBodyBytes,
    );
    try {
      return JSON.parse(body) as T;
    } catch {
      throw new KubernetesRequestError(
        'server_error',
        `${this.describe(path)} returned invalid JSON`,
      );
    }
  }

  /**
   * Opens a streaming GET (watch, logs): resolves once the status is 200, with the response to
   * read from. Rejects with a KubernetesRequestError otherwise. Pod logs go through a pool of
   * their own; a watch response ends with an error at a line longer than maxWatchLineBytes.
   */
  async request(path: string, options: RequestOptions): Promise<Readable> {
    const what = this.describe(path);
    let target: ResolvedTarget;
    try {
      target = await this.resolve();
    } catch (error) {
      this.resolved = undefined;
      throw new KubernetesRequestError(
        'unauthorized',
        `cannot load credentials for cluster '${this.clusterName}': ${
          (error as Error).message
        }`,
      );
    }
    const url = new URL(target.base.toString().replace(/\/$/, '') + path);
    const transport = url.protocol === 'https:' ? https : http;
    const isLog = isPodLogPath(url.pathname);
    const isWatch = url.searchParams.get('watch') === 'true';
    return new Promise((resolvePromise, rejectPromise) => {
      let settled = false;
      const resolve = (res: http.IncomingMessage) => {
        if (settled) {
          res.destroy();
          return;
        }
        settled = true;
        resolvePromise(
          isWatch ? limitLineLength(res, this.limits.maxWatchLineBytes) : res,
        );
      };
      const reject = (error: KubernetesRequestError) => {
        if (settled) return;
        settled = true;
        rejectPromise(error);
      };
      const req = transport.request(url, {
        method: 'GET',
        agent: isLog ? target.logAgent : target.agent,
        headers: {
          ...target.headers,
          Accept: options.accept ?? 'application/json',
          'User-Agent': USER_AGENT,
        },
        signal: options.signal,
      });
      const timer = setTimeout(() => {
        const error = new KubernetesRequestError(
          'timeout',
          `${what} timed out after ${options.timeoutMs} ms`,
        );
        // A request still queued for a socket emits no error when destroyed: reject here too.
        reject(error);
        req.destroy(error);
      }, options.timeoutMs);
      req.on('error', error => {
        clearTimeout(timer);
        reject(KubernetesRequestError.fromNetworkError(error, what));
      });
      req.on('response', res => {
        clearTimeout(timer);
        if (res.statusCode === 200) {
          resolve(res);
          return;
        }
        if (res.statusCode === 401) this.reset();
        const retryAfter = Number(res.headers['retry-after']);
        readBody(res, options.timeoutMs, 64 * 1024)
          .then(body => statusMessage(body))
          .catch(() => undefined)
          .then(detail =>
            reject(
              KubernetesRequestError.fromStatus(
                res.statusCode ?? 0,
                what,
                detail,
                Number.isFinite(retryAfter) ? retryAfter : undefined,
              ),
            ),
          );
      });
      req.end();
    });
  }

  private describe(path: string): string {
    return `GET ${path.split('?')[0]} on cluster '${this.clusterName}'`;
  }

  private resolve() {
    if (!this.resolved) {
      this.resolved = (async () => {
        const kc = await this.loadKubeConfig();
        const cluster = kc.getCurrentCluster();
        if (!cluster) throw new Error('kubeconfig has no current cluster');
        const opts: https.RequestOptions = {};
        await kc.applyToHTTPSOptions(opts);
        const base = new URL(cluster.server);
        const agentOptions: https.AgentOptions = {
          keepAlive: true,
          ca: opts.ca,
          cert: opts.cert,
          key: opts.key,
          rejectUnauthorized: !cluster.skipTLSVerify,
          servername: cluster.tlsServerName,
        };
        const makeAgent = (maxSockets: number) =>
          base.protocol === 'https:'
            ? new https.Agent({ ...agentOptions, maxSockets })
            : new http.Agent({ keepAlive: true, maxSockets });
        const agent = makeAgent(WATCH_SOCKETS);
        const logAgent = makeAgent(this.limits.logSockets);
        const headers: Record<string, string> = {};
        for (const [key, value] of Object.entries(opts.headers ?? {})) {
          if (typeof value === 'string') headers[key] = value;
        }
        if (opts.auth) {
          headers.Authorization = `Basic ${Buffer.from(opts.auth).toString(
            'base64',
          )}`;
        }
        return { base, agent, logAgent, headers };
      })();
    }
    return this.resolved;
  }
}

/** `/api/v1/namespaces/<ns>/pods/<name>/log`: the pod log subresource. */
function isPodLogPath(pathname: string): boolean {
  return /^\/api\/v1\/namespaces\/[^/]+\/pods\/[^/]+\/log$/.test(pathname);
}

function readBody(
  res: Readable,
  timeoutMs: number,
  maxBytes: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      res.destroy(
        new KubernetesRequestError('timeout', 'reading the response timed out'),
      );
    }, timeoutMs);
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        res.destroy(
          new KubernetesRequestError(
            'server_error',
            `the response is larger than ${maxBytes} bytes`,
          ),
        );
        return;
      }
      chunks.push(chunk);
    });
    res.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    res.on('error', error => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** The `message` of a Kubernetes Status body, when the body is one. */
function statusMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body);
    return typeof parsed?.message === 'string' ? parsed.message : undefined;
  } catch {
    return undefined;
  }
}
