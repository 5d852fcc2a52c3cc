import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import type { FleetBackend } from '@kubeplatform/plugin-clusters-backend/testUtils';
import WebSocket from 'ws';
import {
  startTerminalBackend,
  TERMINAL_CLUSTER as CLUSTER,
  terminalSocket,
} from '../__testUtils__/terminalOnFleet';
import { EXEC_PROTOCOL } from './execEndpoint';

/**
 * The pod terminal against the local fleet: a command runs through kwok's exec emulation
 * (ClusterExec) with the backend's service credential; refusals happen before any exec.
 */
jest.setTimeout(120_000);

let fleet: LocalFleet;
let backend: FleetBackend;
let denied: FleetBackend;
let params: (overrides?: Record<string, string>) => URLSearchParams;

const auth = { authorization: `Bearer ${mockCredentials.user.token()}` };

beforeAll(async () => {
  fleet = await loadLocalFleet();
  ({ backend, query: params } = await startTerminalBackend(fleet));
  ({ backend: denied } = await startTerminalBackend(fleet, {
    permission: AuthorizeResult.DENY,
  }));
});

afterAll(async () => {
  await backend?.stop();
  await denied?.stop();
});

async function check(on: FleetBackend, query: URLSearchParams) {
  return (
    await fetch(`${on.apiUrl('multicluster')}/exec/check?${query}`, {
      headers: auth,
    })
  ).status;
}

const open = (on: FleetBackend, query: URLSearchParams) =>
  terminalSocket(on, query, auth);

function refusal(ws: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => reject(new Error('the terminal opened')));
    ws.on('error', () => undefined);
  });
}

describe('pod terminal on the local fleet', () => {
  it('runs a command through kwok exec and relays its output', async () => {
    expect(await check(backend, params())).toBe(200);
    await runEcho();
  });

  it('runs it too when another plugin listens for upgrades (as signals does)', async () => {
    // From now on Node hands upgrades only to 'upgrade' listeners, never to Express.
    const ignoreOthers = () => undefined;
    backend.server.on('upgrade', ignoreOthers);
    try {
      expect(await check(backend, params())).toBe(200);
      await runEcho();
      expect(await refusal(open(backend, params({ container: 'nope' })))).toBe(
        400,
      );
    } finally {
      backend.server.off('upgrade', ignoreOthers);
    }
  });

  async function runEcho() {
    const ws = open(backend, params());
    let output = '';
    const closed = new Promise<number>(resolve =>
      ws.on('close', code => resolve(code)),
    );
    const sawAnswer = new Promise<void>((resolve, reject) => {
      ws.on('message', (data: Buffer, isBinary) => {
        if (!isBinary) return;
        output += data.toString('utf8');
        // The shell computed 42: the typed line only echoes "$((6*7))".
        if (output.includes('kwok-42')) resolve();
      });
      ws.on('unexpected-response', (_req, res) =>
        reject(new Error(`refused with ${res.statusCode}`)),
      );
    });
    await new Promise<void>(resolve => ws.on('open', () => resolve()));
    expect(ws.protocol).toBe(EXEC_PROTOCOL);
    ws.send(JSON.stringify({ type: 'resize', cols: 100, rows: 30 }));
    ws.send(Buffer.from('echo kwok-$((6*7))\n'), { binary: true });
    await sawAnswer;
    ws.send(Buffer.from('exit\n'), { binary: true });
    expect(await closed).toBe(1000);
  }

  it('refuses a container the pod does not have with 400, before any exec', async () => {
    expect(await check(backend, params({ container: 'nope' }))).toBe(400);
    expect(await refusal(open(backend, params({ container: 'nope' })))).toBe(
      400,
    );
  });

  it('refuses a pod of another entity with 404', async () => {
    const other = (backend.cache.get(CLUSTER)?.list('pods', 'shop') ?? []).find(
      p => p.metadata?.labels?.['backstage.io/kubernetes-id'] === 'payments',
    );
    expect(other?.metadata?.name).toBeDefined();
    const query = params({
      pod: other!.metadata!.name!,
      container: 'payments',
    });
    expect(await check(backend, query)).toBe(404);
    expect(await refusal(open(backend, query))).toBe(404);
  });

  it('refuses a user without multicluster.pods.exec with 403', async () => {
    expect(await check(denied, params())).toBe(403);
    expect(await refusal(open(denied, params()))).toBe(403);
  });

  it('refuses an upgrade without a token with 401 (/exec is outside the auth middleware)', async () => {
    expect(await refusal(terminalSocket(backend, params()))).toBe(401);
  });

  it('refuses a cross-origin upgrade with 403', async () => {
    await check(backend, params());
    const ws = terminalSocket(backend, params(), {
      ...auth,
      origin: 'https://attacker.example',
    });
    expect(await refusal(ws)).toBe(403);
  });
});
