import { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { resolve } from 'node:path';
import { kubernetesClusterEntity } from '../testUtils';

const TLS_DIR = resolve(__dirname, '../__fixtures__/tls');
/** The test-only self-signed pair of `__fixtures__/tls` (see its README). */
export const ATTACKER_CERT = readFileSync(resolve(TLS_DIR, 'cert.pem'), 'utf8');
const ATTACKER_KEY = readFileSync(resolve(TLS_DIR, 'key.pem'), 'utf8');

/** What the attacker's server saw of one request: where it went and which credentials came. */
export interface SeenRequest {
  path: string;
  authorization?: string;
  /** Whether the client presented a TLS client certificate. */
  clientCert: boolean;
}

/**
 * An API server an entity author controls, on 127.0.0.1: records every request and its
 * credentials (over https it asks for a client certificate too, so an x509 credential would be
 * seen), and answers every request with `answer`.
 */
export async function attackerApiServer(
  scheme: 'http' | 'https',
  answer: { status: number; body: object },
) {
  const requests: SeenRequest[] = [];
  const onRequest: http.RequestListener = (req, res) => {
    const socket = req.socket as { getPeerCertificate?: () => object };
    const peer = socket.getPeerCertificate?.();
    requests.push({
      path: req.url ?? '',
      authorization: req.headers.authorization,
      clientCert: !!peer && Object.keys(peer).length > 0,
    });
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  };
  const server =
    scheme === 'https'
      ? https.createServer(
          {
            cert: ATTACKER_CERT,
            key: ATTACKER_KEY,
            requestCert: true,
            rejectUnauthorized: false,
          },
          onRequest,
        )
      : http.createServer(onRequest);
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A catalog `kubernetes-cluster` Resource at `apiServer`, trusting the attacker's certificate. */
export function attackerClusterResource(
  name: string,
  apiServer: string,
  annotations: Record<string, string>,
): Entity {
  return kubernetesClusterEntity(name, {
    'kubernetes.io/api-server': apiServer,
    'kubernetes.io/api-server-certificate-authority':
      Buffer.from(ATTACKER_CERT).toString('base64'),
    ...annotations,
  });
}

export type AttackerApiServer = Awaited<ReturnType<typeof attackerApiServer>>;

/**
 * An attacker's API server for each test of the enclosing `describe`: started before the test,
 * closed after it. The handle reads the server of the test that is running.
 */
export function attackerApiServerForEachTest(
  scheme: 'http' | 'https',
  answer: { status: number; body: object },
): Omit<AttackerApiServer, 'close'> {
  let current: AttackerApiServer | undefined;
  beforeEach(async () => {
    current = await attackerApiServer(scheme, answer);
  });
  afterEach(() => current?.close());
  const running = () => {
    if (!current) throw new Error('the attacker server runs only in a test');
    return current;
  };
  return {
    get url() {
      return running().url;
    },
    get requests() {
      return running().requests;
    },
  };
}
