import http from 'node:http';

/**
 * A scripted HTTP stand-in for an API server, for UNIT tests of status handling only (429, 401,
 * watch streams). Integration tests use the real local clusters instead.
 */
export type Handler = (
  req: http.IncomingMessage,
  url: URL,
  res: http.ServerResponse,
) => void | Promise<void>;

export async function startMockApiServer(handler: Handler) {
  const requests: Array<{ path: string; auth?: string }> = [];
  const open = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push({
      path: `${url.pathname}${url.search}`,
      auth: req.headers.authorization,
    });
    open.add(res);
    res.on('close', () => open.delete(res));
    Promise.resolve(handler(req, url, res)).catch(() => res.destroy());
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>(r => server.close(() => r()));
    },
  };
}

export function json(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export function list(items: unknown[], resourceVersion = '10') {
  return {
    kind: 'List',
    apiVersion: 'v1',
    metadata: { resourceVersion },
    items,
  };
}

export function pod(
  name: string,
  namespace = 'shop',
  extra: Record<string, any> = {},
) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      uid: `uid-${name}`,
      resourceVersion: '5',
      labels: { 'backstage.io/kubernetes-id': 'checkout' },
      managedFields: [
        { manager: 'kubectl', fieldsV1: { big: 'x'.repeat(1000) } },
      ],
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': '{"huge":true}',
      },
      ...extra.metadata,
    },
    spec: {
      containers: [
        { name: 'app', image: 'app:1.0', env: [{ name: 'A', value: 'b' }] },
      ],
      volumes: [{ name: 'v' }],
    },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'app',
          restartCount: 0,
          ready: true,
          image: 'app:1.0',
          state: { running: {} },
        },
      ],
    },
  };
}
