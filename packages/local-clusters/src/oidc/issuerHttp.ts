import https from 'node:https';

export interface HttpsResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTPS request that trusts only the given CA. Redirects are returned, not followed, so
 * a caller can walk an OAuth flow step by step.
 */
export function httpsRequest(
  url: string,
  options: {
    ca: Buffer | string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    timeoutMs?: number;
  },
): Promise<HttpsResponse> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        ca: options.ca,
        timeout: options.timeoutMs ?? 10_000,
      },
      response => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', chunk => {
          body += chunk;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body,
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`${url} did not answer in time`)),
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

export function httpsGet(
  url: string,
  ca: Buffer | string,
  timeoutMs?: number,
): Promise<HttpsResponse> {
  return httpsRequest(url, { ca, timeoutMs });
}
