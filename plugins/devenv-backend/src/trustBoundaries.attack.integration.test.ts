import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { CoreV1Api } from '@kubernetes/client-node';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import {
  environmentProvisionerServiceRef,
  EnvironmentProvisioner,
} from '@kubeplatform/plugin-devenv-node';
import { fleetClusters } from '@kubeplatform/plugin-devenv-node/testUtils';
import type { Server } from 'node:http';
import request from 'supertest';
import { devenvRequests } from './__testUtils__/devenvRequests';
import { devenvTestSettings } from './__testUtils__/devenvTestSettings';
import { groupsUserInfoFactory } from './__testUtils__/groupsUserInfoFactory';
import { devenvPlugin } from './plugin';

/*
 * Issue 11, write side: attacks on the devenv REST API (findings 2 and 8) against the real
 * local fleet.
 */

jest.setTimeout(90_000);
const CLUSTER = 'dev-eu';
const stamp = Date.now().toString(36);
const racedName = `atk-race-${stamp}`;
const aliceEnv = `atk-alice-${stamp}`;
const bobEnv = `atk-bob-${stamp}`;

const GROUPS: Record<string, string[]> = {
  'user:default/alice': [],
  'user:default/bob': [],
  'user:default/carol': [],
  'user:default/root': ['group:default/platform'],
};
/** Permissions each user is refused; everything else is allowed. */
const DENIED: Record<string, string[]> = {
  'user:default/carol': ['devenv.read'],
};

const as = (user: string) => mockCredentials.user.header(user);

let fleet: LocalFleet;
let server: Server;
let api: ReturnType<typeof devenvRequests>;
let stop: () => Promise<void>;
const auditor = mockServices.auditor.mock();

function userOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as { userEntityRef?: string };
  return principal.userEntityRef;
}

const permissions: PermissionsService = {
  authorize: async (requests, { credentials }) =>
    requests.map(r => ({
      result: DENIED[userOf(credentials) ?? '']?.includes(r.permission.name)
        ? ('DENY' as const)
        : ('ALLOW' as const),
    })),
  authorizeConditional: async (requests, { credentials }) =>
    requests.map(r => ({
      result: DENIED[userOf(credentials) ?? '']?.includes(r.permission.name)
        ? ('DENY' as const)
        : ('ALLOW' as const),
    })),
};

/**
 * Simulates a create that lands between two lookups: the first lookup of `racedName` (get, and
 * identify, which get uses) creates alice's environment and answers "not found", as a read that
 * ran just before the create.
 */
class RacingProvisioner extends EnvironmentProvisioner {
  private raced = false;

  async get(cluster: string, name: string) {
    await this.race(cluster, name);
    return super.get(cluster, name);
  }

  async identify(cluster: string, name: string, consequence?: string) {
    await this.race(cluster, name);
    return super.identify(cluster, name, consequence);
  }

  private async race(cluster: string, name: string) {
    if (name === racedName && !this.raced) {
      this.raced = true;
      await this.create({
        name,
        owner: 'user:default/alice',
        class: 'namespace',
        cluster: CLUSTER,
        ttl: '1h',
      });
      throw new NotFoundError(
        `No environment "${name}" on cluster "${cluster}"`,
      );
    }
  }
}

beforeAll(async () => {
  fleet = await loadLocalFleet();
  const logger = mockServices.logger.mock();
  const backend = await startTestBackend({
    features: [
      devenvPlugin,
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () => permissions,
      }),
      createServiceFactory({
        service: coreServices.auditor,
        deps: {},
        factory: () => auditor,
      }),
      groupsUserInfoFactory(GROUPS),
      createServiceFactory({
        service: environmentProvisionerServiceRef,
        deps: {},
        factory: () =>
          new RacingProvisioner({
            clusters: fleetClusters(fleet),
            settings: devenvTestSettings({ list: { visibility: 'owned' } }),
            logger,
            platformUrl: 'http://localhost:7007/api/devenv',
            ownerExists: async ref => ref in GROUPS,
          }),
      }),
    ],
  });
  server = backend.server;
  api = devenvRequests(server);
  stop = () => backend.stop();
});

afterAll(async () => {
  await stop?.();
  const core = fleet.cluster(CLUSTER).kubeConfig().makeApiClient(CoreV1Api);
  await Promise.all(
    [racedName, aliceEnv, bobEnv].map(name =>
      core.deleteNamespace({ name }).catch(() => undefined),
    ),
  );
});

async function namespacePhase(name: string): Promise<string | undefined> {
  const core = fleet.cluster(CLUSTER).kubeConfig().makeApiClient(CoreV1Api);
  const ns = await core.readNamespace({ name }).catch(() => undefined);
  if (!ns) return 'absent';
  return ns.metadata?.deletionTimestamp ? 'deleting' : 'present';
}

describe('finding 2: authorize before acting', () => {
  it("attack: a non-owner's DELETE racing a create deletes nothing", async () => {
    const res = await api.remove(
      as('user:default/bob'),
      `${CLUSTER}/${racedName}`,
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await namespacePhase(racedName)).toBe('present');

    // Now that it exists, bob is refused with a clear 403 and it is still there.
    const again = await api.remove(
      as('user:default/bob'),
      `${CLUSTER}/${racedName}`,
    );
    expect(again.status).toBe(403);
    expect(await namespacePhase(racedName)).toBe('present');
  });
});

describe('finding 8: listing and auditing', () => {
  beforeAll(async () => {
    for (const [name, owner] of [
      [aliceEnv, 'user:default/alice'],
      [bobEnv, 'user:default/bob'],
    ]) {
      await api
        .create(as(owner))
        .send({ name, cluster: CLUSTER, class: 'namespace', ttl: '1h' })
        .expect(201);
    }
  });

  it('attack: listing environments honours devenv.read and the ownership visibility setting', async () => {
    const list = (user: string) => api.list(as(user), `?cluster=${CLUSTER}`);
    const names = (res: request.Response) =>
      (res.body.items as Array<{ name: string }>).map(e => e.name);

    const carol = await list('user:default/carol');
    expect(carol.status).toBe(403);

    const bob = await list('user:default/bob');
    expect(bob.status).toBe(200);
    expect(names(bob)).toContain(bobEnv);
    expect(names(bob)).not.toContain(aliceEnv);

    const root = await list('user:default/root');
    expect(names(root)).toEqual(expect.arrayContaining([aliceEnv, bobEnv]));
  });

  it('attack: every REST mutation is audited through the auditor after validation, with actor, target and outcome', async () => {
    auditor.createEvent.mockClear();
    const ref = `${CLUSTER}/${aliceEnv}`;
    const alice = as('user:default/alice');

    // Invalid input: refused before any audit event, so the raw value is never recorded.
    const bogus = 'x'.repeat(40);
    const invalid = await api.change(alice, ref).send({ action: bogus });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(auditor.createEvent.mock.calls)).not.toContain(bogus);

    await api
      .change(alice, ref)
      .send({ action: 'extend', ttl: '2h' })
      .expect(200);
    await api.change(alice, ref).send({ action: 'sleep' }).expect(200);
    await api.change(alice, ref).send({ action: 'wake' }).expect(200);
    await api.kubeconfig(alice, ref).expect(200);
    // Refused: bob may not delete alice's environment; the refusal is audited as a failure.
    await api.remove(as('user:default/bob'), ref).expect(403);
    await api.remove(alice, ref).expect(200);

    const events = auditor.createEvent.mock.calls.map(([e]) => ({
      eventId: e.eventId,
      meta: e.meta,
    }));
    const target = { cluster: CLUSTER, environment: aliceEnv };
    expect(events).toEqual([
      { eventId: 'environment-extend', meta: expect.objectContaining(target) },
      { eventId: 'environment-sleep', meta: expect.objectContaining(target) },
      { eventId: 'environment-wake', meta: expect.objectContaining(target) },
      {
        eventId: 'environment-kubeconfig-issue',
        meta: expect.objectContaining(target),
      },
      { eventId: 'environment-delete', meta: expect.objectContaining(target) },
      { eventId: 'environment-delete', meta: expect.objectContaining(target) },
    ]);
    // The actor comes from the request's credentials.
    for (const [e] of auditor.createEvent.mock.calls) {
      expect(e.request).toBeDefined();
    }
    const recorded = await Promise.all(
      auditor.createEvent.mock.results.map(r => r.value),
    );
    const outcomes = recorded.map(event => {
      if (event.success.mock.calls.length) return 'success';
      return event.fail.mock.calls.length ? 'fail' : 'none';
    });
    expect(outcomes).toEqual([
      'success',
      'success',
      'success',
      'success',
      'fail',
      'success',
    ]);
  });
});
