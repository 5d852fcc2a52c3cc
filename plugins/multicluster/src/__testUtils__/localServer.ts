// The helper serves real HTTP in Node-environment tests; the browser-only import rule does not
// apply.
// eslint-disable-next-line no-restricted-imports
import { AddressInfo } from 'net';
// eslint-disable-next-line no-restricted-imports
import http from 'http';

/**
 * A real HTTP server on 127.0.0.1 for the tests of one file (which runs in
 * `@jest-environment node`, where fetch streams response bodies as a browser does; jsdom's
 * cannot). It listens before the file's tests, gives every request to `onRequest`, and closes,
 * with its open connections, after them. `baseUrl` is where the multicluster backend would be.
 */
export function serveDuringTests(onRequest: http.RequestListener): {
  readonly baseUrl: string;
} {
  let server: http.Server;
  let baseUrl = '';
  beforeAll(async () => {
    server = http.createServer(onRequest);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/multicluster`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  });
  return {
    get baseUrl() {
      return baseUrl;
    },
  };
}

/** Answers with `body` as JSON. */
export function writeJson(
  res: http.ServerResponse,
  body: unknown,
  status = 200,
): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(body));
}

/** Opens a server-sent event stream with `view` as its first `view` event, and leaves it open. */
export function startViewStream(res: http.ServerResponse, view: unknown): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream' });
  res.write(`event: view\ndata: ${JSON.stringify(view)}\n\n`);
}
