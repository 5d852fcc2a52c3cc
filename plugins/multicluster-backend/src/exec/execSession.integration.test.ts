import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { loadLocalFleet } from '@kubeplatform/local-clusters';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { CLOSE, ExecEnd, runExecSession } from './execSession';

/**
 * A terminal session's bounds against kwok's exec on the local fleet: a revoked access, the
 * time limit and idleness each close a live session with their code.
 */
jest.setTimeout(60_000);

let kubeConfig: KubeConfig;
let pod: string;
let server: Server;
let wss: WebSocketServer;
let session: {
  limits: { maxDurationMs: number; idleTimeoutMs: number; recheckMs: number };
  allowed: boolean;
  ended?: Promise<ExecEnd>;
};

beforeAll(async () => {
  const fleet = await loadLocalFleet();
  kubeConfig = fleet.cluster('dev-eu').kubeConfig();
  const pods = await kubeConfig.makeApiClient(CoreV1Api).listNamespacedPod({
    namespace: 'shop',
    labelSelector: 'backstage.io/kubernetes-id=checkout',
    fieldSelector: 'status.phase=Running',
  });
  pod = pods.items[0]!.metadata!.name!;
  server = createServer();
  wss = new WebSocketServer({ server });
  wss.on('connection', browser => {
    session.ended = runExecSession({
      browser,
      kubeConfig,
      target: {
        entityRef: 'component:default/checkout',
        cluster: 'dev-eu',
        namespace: 'shop',
        pod,
        container: 'checkout',
      },
      command: ['/bin/sh'],
      limits: session.limits,
      stillAllowed: async () =>
        session.allowed
          ? undefined
          : { code: CLOSE.revoked, reason: 'access revoked' },
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  wss?.close();
  await new Promise(resolve => server?.close(resolve));
});

/** Opens a terminal and waits until the shell has answered once. */
async function openLive() {
  const ws = new WebSocket(
    `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
  );
  const closed = new Promise<{ code: number; reason: string }>(resolve =>
    ws.on('close', (code, reason) =>
      resolve({ code, reason: reason.toString() }),
    ),
  );
  let output = '';
  const answered = new Promise<void>(resolve =>
    ws.on('message', (data: Buffer) => {
      output += data.toString('utf8');
      if (output.includes('kwok-42')) resolve();
    }),
  );
  await new Promise<void>(resolve => ws.on('open', () => resolve()));
  ws.send(Buffer.from('echo kwok-$((6*7))\n'), { binary: true });
  await answered;
  return { ws, closed };
}

it('closes a live session with 4403 once the access check fails', async () => {
  session = {
    limits: { maxDurationMs: 60_000, idleTimeoutMs: 60_000, recheckMs: 200 },
    allowed: true,
  };
  const { closed } = await openLive();
  session.allowed = false;
  expect(await closed).toEqual({
    code: CLOSE.revoked,
    reason: 'access revoked',
  });
  expect(await session.ended).toEqual({
    code: CLOSE.revoked,
    reason: 'access revoked',
  });
});

it('closes a busy session with 4408 at the time limit', async () => {
  session = {
    limits: { maxDurationMs: 3000, idleTimeoutMs: 60_000, recheckMs: 30_000 },
    allowed: true,
  };
  const { ws, closed } = await openLive();
  const typing = setInterval(
    () => ws.send(Buffer.from('true\n'), { binary: true }),
    200,
  );
  try {
    expect(await closed).toEqual({
      code: CLOSE.timedOut,
      reason: 'time limit reached',
    });
  } finally {
    clearInterval(typing);
  }
});

it('closes an idle session with 4408', async () => {
  session = {
    limits: { maxDurationMs: 60_000, idleTimeoutMs: 1500, recheckMs: 30_000 },
    allowed: true,
  };
  const { closed } = await openLive();
  expect(await closed).toEqual({
    code: CLOSE.timedOut,
    reason: 'idle timeout',
  });
});
