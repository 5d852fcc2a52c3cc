import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { POD_EXEC_CLOSE_CODES } from '@kubeplatform/clusters-common';
import { loadLocalFleet } from '@kubeplatform/local-clusters';
import type { FleetBackend } from '@kubeplatform/plugin-clusters-backend/testUtils';
import WebSocket from 'ws';
import {
  startTerminalBackend,
  TERMINAL_CLUSTER as CLUSTER,
  terminalSocket,
} from '../__testUtils__/terminalOnFleet';

/**
 * Attack: one user (or a script with one user's token) opens terminal after terminal, each an
 * exec stream to a cluster held for up to maxDuration. The backend must refuse the session
 * beyond `exec.maxSessionsPerUser`, with a close reason the terminal shows, and audit it; other
 * users are not affected, and a closed session frees its slot.
 */
jest.setTimeout(120_000);

const MAX = 2;
let backend: FleetBackend;
let podName: string;
let query: () => URLSearchParams;
const auditor = mockServices.auditor.mock();
/** Each audited terminal and, when it was refused, how. */
const audited: Array<{
  eventId: string;
  meta?: object;
  failed?: { error: Error; meta?: object };
}> = [];
auditor.createEvent.mockImplementation(async ({ eventId, meta }) => {
  const event: (typeof audited)[number] = { eventId, meta };
  audited.push(event);
  return {
    success: async () => {},
    fail: async failure => {
      event.failed = failure;
    },
  };
});
const open: WebSocket[] = [];

const tokenOf = (user: string) =>
  mockCredentials.user.token(`user:default/${user}`);

beforeAll(async () => {
  const fleet = await loadLocalFleet();
  ({
    backend,
    pod: podName,
    query,
  } = await startTerminalBackend(fleet, {
    config: {
      multicluster: {
        stream: { debounceMs: 100, maxWaitMs: 500 },
        exec: { maxSessionsPerUser: MAX },
      },
    },
    features: [
      createServiceFactory({
        service: coreServices.auditor,
        deps: {},
        factory: () => auditor,
      }),
    ],
  }));
});

afterAll(async () => {
  for (const ws of open) ws.terminate();
  await backend?.stop();
});

type Outcome =
  | { kind: 'shell'; ws: WebSocket }
  | { kind: 'closed'; code: number; reason: string }
  | { kind: 'refused'; status: number };

/** Opens a terminal as `user` and waits until a shell answers or the backend ends it. */
function openTerminal(user: string): Promise<Outcome> {
  const ws = terminalSocket(backend, query(), {
    authorization: `Bearer ${tokenOf(user)}`,
  });
  open.push(ws);
  return new Promise(resolve => {
    let output = '';
    ws.on('open', () =>
      ws.send(Buffer.from('echo cap-$((6*7))\n'), { binary: true }),
    );
    ws.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) return;
      output += data.toString('utf8');
      if (output.includes('cap-42')) resolve({ kind: 'shell', ws });
    });
    ws.on('close', (code, reason) =>
      resolve({ kind: 'closed', code, reason: reason.toString('utf8') }),
    );
    ws.on('unexpected-response', (_req, res) =>
      resolve({ kind: 'refused', status: res.statusCode ?? 0 }),
    );
    ws.on('error', () => undefined);
  });
}

function closeTerminal(ws: WebSocket): Promise<void> {
  return new Promise(resolve => {
    ws.once('close', () => resolve());
    ws.send(Buffer.from('exit\n'), { binary: true });
  });
}

const withoutSocket = (outcome: Outcome) =>
  outcome.kind === 'shell' ? { kind: 'shell' } : outcome;

describe('attack: one user opens more terminals than exec.maxSessionsPerUser', () => {
  it('refuses the one beyond the cap with a reason the terminal shows, audits it, and frees a slot on close', async () => {
    const first = await openTerminal('mallory');
    const second = await openTerminal('mallory');
    expect([first, second].map(withoutSocket)).toEqual([
      { kind: 'shell' },
      { kind: 'shell' },
    ]);

    const third = await openTerminal('mallory');
    expect(withoutSocket(third)).toEqual({
      kind: 'closed',
      code: POD_EXEC_CLOSE_CODES.tooManySessions,
      reason: `you already have ${MAX} terminals open, the most allowed; close one first`,
    });
    expect(audited.filter(e => e.failed)).toEqual([
      {
        eventId: 'pod-exec',
        meta: expect.objectContaining({
          actor: 'user:default/mallory',
          cluster: CLUSTER,
          pod: podName,
          container: 'checkout',
        }),
        failed: {
          error: new Error(
            `you already have ${MAX} terminals open, the most allowed; close one first`,
          ),
          meta: { status: 429, openSessions: MAX, maxSessionsPerUser: MAX },
        },
      },
    ]);

    // Another user is not affected by mallory's sessions.
    const other = await openTerminal('alice');
    expect(withoutSocket(other)).toEqual({ kind: 'shell' });

    // The check the page makes before a terminal answers the same refusal, readably.
    const check = await fetch(
      `${backend.apiUrl('multicluster')}/exec/check?${query()}`,
      { headers: { authorization: `Bearer ${tokenOf('mallory')}` } },
    );
    expect(check.status).toBe(429);
    expect((await check.json()).error.message).toBe(
      `You already have ${MAX} terminals open, the most allowed; close one first`,
    );

    // A closed session gives its slot back.
    await closeTerminal((first as { ws: WebSocket }).ws);
    const again = await openTerminal('mallory');
    expect(withoutSocket(again)).toEqual({ kind: 'shell' });
  });
});
