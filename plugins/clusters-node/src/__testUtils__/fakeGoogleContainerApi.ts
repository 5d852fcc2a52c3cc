import fs from 'node:fs';
import path from 'node:path';
import type { GkeClusterManagerClient } from '../sources/GkeClusterSupplier';
import { startMockApiServer } from './mockApiServer';

const FIXTURE = path.join(
  __dirname,
  '..',
  '__fixtures__',
  'gke',
  'clusters-list.json',
);

/** The recorded-shape `clusters.list` answer (see __fixtures__/gke/README.md). */
export function clustersListFixture(): string {
  return fs.readFileSync(FIXTURE, 'utf8');
}

/** As Google does: location `-` lists every cluster, a region or zone only its own. */
function answersFor(
  answer: { status: number; body: string },
  location: string,
): string {
  if (answer.status !== 200 || location === '-') return answer.body;
  const list = JSON.parse(answer.body) as {
    clusters: Array<{ location: string }>;
  };
  return JSON.stringify({
    clusters: list.clusters.filter(c => c.location === location),
  });
}

/**
 * A stand-in for `container.googleapis.com` serving `clusters.list`, and Google's own
 * `ClusterManagerClient` (the one upstream uses, in its REST mode) pointed at it, so the test
 * covers Google's decoding of the JSON as well as upstream's locator. GKE itself cannot be
 * reached from here.
 */
export async function startFakeGoogleContainerApi() {
  let answer: { status: number; body: string } = {
    status: 200,
    body: clustersListFixture(),
  };
  const server = await startMockApiServer((req, url, res) => {
    const location =
      /^\/v1\/projects\/[^/]+\/locations\/([^/]+)\/clusters$/.exec(
        url.pathname,
      )?.[1];
    if (req.method !== 'GET' || !location) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(answer.status, { 'content-type': 'application/json' })
      .end(answersFor(answer, location));
  });
  const upstream = path.dirname(
    require.resolve('@backstage/plugin-kubernetes-backend/package.json'),
  );
  // Upstream's own dependency; Kubeplatform does not depend on it directly.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const container = require(require.resolve('@google-cloud/container', {
    paths: [upstream],
  }));
  const { port } = new URL(server.url);
  const googleClient = new container.v1.ClusterManagerClient({
    fallback: true,
    protocol: 'http',
    apiEndpoint: '127.0.0.1',
    port: Number(port),
    auth: {
      getClient: async () => ({
        getRequestHeaders: async () => ({
          Authorization: 'Bearer fake-google-token',
        }),
      }),
      getProjectId: async () => 'unused',
    },
  });
  return {
    client: googleClient as GkeClusterManagerClient,
    /** Paths of the `clusters.list` calls, in order. */
    listCalls: () =>
      server.requests.map(r => r.path.split('?')[0]).filter(p => p !== '/'),
    requests: server.requests,
    /** Answers every later call with a Google error, as `clusters.list` does without rights. */
    failWith(status: number, message: string) {
      answer = {
        status,
        body: JSON.stringify({
          error: {
            code: status,
            message,
            status: status === 403 ? 'PERMISSION_DENIED' : 'UNAVAILABLE',
          },
        }),
      };
    },
    recover() {
      answer = { status: 200, body: clustersListFixture() };
    },
    async close() {
      await googleClient.close();
      await server.close();
    },
  };
}
