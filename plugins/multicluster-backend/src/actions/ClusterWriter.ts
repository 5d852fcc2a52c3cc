import type { ClustersService } from '@kubeplatform/clusters-node';
import { KubernetesRequestError } from '@kubeplatform/clusters-node';
import http from 'node:http';
import https from 'node:https';

/** The few writes the actions make, with the cluster's service credential. */
export interface ClusterWriter {
  /** Sends one PATCH or DELETE; resolves with the parsed JSON answer of a 2xx. */
  send(
    cluster: string,
    request: {
      method: 'PATCH' | 'DELETE';
      path: string;
      contentType: string;
      body: object;
    },
  ): Promise<unknown>;
}

const USER_AGENT = 'kubeplatform-multicluster-actions';
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * Writes with the same credential the watch cache reads with: the clusters service's KubeConfig
 * for the cluster. `KubernetesConnection` only sends GETs, so the few writes go out here.
 */
export class KubeConfigClusterWriter implements ClusterWriter {
  constructor(
    private readonly clusters: Pick<ClustersService, 'getKubeConfig'>,
    private readonly timeoutMs: number,
  ) {}

  async send(
    cluster: string,
    request: {
      method: 'PATCH' | 'DELETE';
      path: string;
      contentType: string;
      body: object;
    },
  ): Promise<unknown> {
    const what = `${request.method} ${request.path} on cluster '${cluster}'`;
    const kc = await this.clusters.getKubeConfig(cluster);
    const target = kc.getCurrentCluster();
    if (!target) {
      throw new KubernetesRequestError(
        'unauthorized',
        `cluster '${cluster}' has no server`,
      );
    }
    const opts: https.RequestOptions = {};
    await kc.applyToHTTPSOptions(opts);
    const url = new URL(target.server.replace(/\/$/, '') + request.path);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(opts.headers ?? {})) {
      if (typeof value === 'string') headers[key] = value;
    }
    if (opts.auth) {
      headers.Authorization = `Basic ${Buffer.from(opts.auth).toString(
        'base64',
      )}`;
    }
    const payload = JSON.stringify(request.body);
    const isHttps = url.protocol === 'https:';
    const transport = isHttps ? https : http;
    return new Promise((resolve, reject) => {
      const req = transport.request(url, {
        method: request.method,
        ...(isHttps && {
          ca: opts.ca,
          cert: opts.cert,
          key: opts.key,
          rejectUnauthorized: !target.skipTLSVerify,
          servername: target.tlsServerName,
        }),
        headers: {
          ...headers,
          Accept: 'application/json',
          'Content-Type': request.contentType,
          'Content-Length': String(Buffer.byteLength(payload)),
          'User-Agent': USER_AGENT,
        },
        timeout: this.timeoutMs,
      });
      req.on('timeout', () =>
        req.destroy(
          new KubernetesRequestError(
            'timeout',
            `${what} timed out after ${this.timeoutMs} ms`,
          ),
        ),
      );
      req.on('error', error =>
        reject(
          error instanceof KubernetesRequestError
            ? error
            : KubernetesRequestError.fromNetworkError(error, what),
        ),
      );
      req.on('response', res => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
        });
        res.on('error', error =>
          reject(KubernetesRequestError.fromNetworkError(error, what)),
        );
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = undefined;
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            resolve(parsed);
            return;
          }
          const message =
            parsed && typeof parsed === 'object' && 'message' in parsed
              ? String(parsed.message)
              : undefined;
          reject(KubernetesRequestError.fromStatus(status, what, message));
        });
      });
      req.end(payload);
    });
  }
}
