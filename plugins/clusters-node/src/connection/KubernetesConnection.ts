import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubernetesRequestError } from './KubernetesRequestError';

/** Lets API server audit logs tell Kubeplatform's requests apart. */
export const USER_AGENT = 'kubeplatform-clusters-node';

export interface RequestOptions {
  /** Time allowed until the response headers arrive. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Sent as `Accept`; JSON by default. */
  accept?: string;
}

/**
 * The one place that talks HTTP to one cluster's API server: URL building, TLS, a keep-alive agent,
 * timeouts, and mapping failures to KubernetesRequestError. The credentials it holds are only
 * ever written into request headers.
 */
export class KubernetesConnection {
  private resolved?: Promise<{
    base: URL;
    agent: http.Agent;
    headers: Record<string, string>;
  }>;

  constructor(
    readonly clusterName: string,
    private readonly loadKubeConfig: () => Promise<KubeConfig>,
  ) {}

  /** Drops the cached credentials and agent, e.g. after a 401, so they are loaded again. */
  reset(): void {
    const previous = this.resolved;
    this.resolved = undefined;
    previous?.then(r => r.agent.destroy()).catch(() => {});
  }

  close(): void {
    this.reset();
  }

  async getJson<T>(path: string, options: RequestOptions): Promise<T> {
    const res = await this.request(path, options);
    const body = await readBody(res, options.timeoutMs * 4);
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
   * read from. Rejects with a KubernetesRequestError otherwise.
   */
  async request(
    path: string,
    options: RequestOptions,
  ): Promise<http.IncomingMessage> {
    const what = this.describe(path);
    let target: Awaited<NonNullable<typeof this.resolved>>;
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
    return new Promise((resolve, reject) => {
      const req = transport.request(url, {
        method: 'GET',
        agent: target.agent,
        headers: {
          ...target.headers,
          Accept: options.accept ?? 'application/json',
          'User-Agent': USER_AGENT,
        },
        signal: options.signal,
      });
      const timer = setTimeout(() => {
        req.destroy(
          new KubernetesRequestError(
            'timeout',
            `${what} timed out after ${options.timeoutMs} ms`,
          ),
        );
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
        readBody(res, options.timeoutMs)
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
          maxSockets: 64,
          ca: opts.ca,
          cert: opts.cert,
          key: opts.key,
          rejectUnauthorized: !cluster.skipTLSVerify,
          servername: cluster.tlsServerName,
        };
        const agent =
          base.protocol === 'https:'
            ? new https.Agent(agentOptions)
            : new http.Agent({ keepAlive: true, maxSockets: 64 });
        const headers: Record<string, string> = {};
        for (const [key, value] of Object.entries(opts.headers ?? {})) {
          if (typeof value === 'string') headers[key] = value;
        }
        if (opts.auth) {
          headers.Authorization = `Basic ${Buffer.from(opts.auth).toString(
            'base64',
          )}`;
        }
        return { base, agent, headers };
      })();
    }
    return this.resolved;
  }
}

function readBody(
  res: http.IncomingMessage,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      res.destroy(
        new KubernetesRequestError('timeout', 'reading the response timed out'),
      );
    }, timeoutMs);
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
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
