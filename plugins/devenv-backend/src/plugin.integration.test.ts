import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { CoreV1Api } from '@kubernetes/client-node';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import { waitUntilGone } from '@kubeplatform/plugin-devenv-node/testUtils';
import request from 'supertest';
import { parse } from 'yaml';
import { devenvRequests } from './__testUtils__/devenvRequests';
import { devenvTestSettings } from './__testUtils__/devenvTestSettings';
import { groupsUserInfoFactory } from './__testUtils__/groupsUserInfoFactory';
import { startDevenvFleetBackend } from './__testUtils__/startDevenvFleetBackend';

jest.setTimeout(90_000);
const CLUSTER = 'dev-eu';

const GROUPS: Record<string, string[]> = {
  'user:default/alice': ['group:default/team-a'],
  'user:default/bob': [],
  'user:default/root': ['group:default/platform'],
};

const as = (user: string) => mockCredentials.user.header(user);

let fleet: LocalFleet;
let logger: ReturnType<typeof mockServices.logger.mock>;
let server: Awaited<ReturnType<typeof startDevenvFleetBackend>>['server'];
let stopBackend: (() => Promise<void>) | undefined;
const name = `it-api-${Date.now().toString(36)}`;

let api: ReturnType<typeof devenvRequests>;
const ref = `${CLUSTER}/${name}`;

beforeAll(async () => {
  fleet = await loadLocalFleet();
  logger = mockServices.logger.mock();
  const backend = await startDevenvFleetBackend(fleet, {
    features: [groupsUserInfoFactory(GROUPS)],
    logger,
    settings: devenvTestSettings(),
    ownerExists: async owner =>
      owner in GROUPS || owner === 'group:default/team-a',
  });
  stopBackend = () => backend.stop();
  server = backend.server;
  api = devenvRequests(server);
});

afterAll(async () => {
  await stopBackend?.();
  await fleet
    .cluster(CLUSTER)
    .kubeConfig()
    .makeApiClient(CoreV1Api)
    .deleteNamespace({ name })
    .catch(() => undefined);
});

describe('devenv REST API on a real cluster', () => {
  it('lists classes and clusters without credentials in the answer', async () => {
    const classes = await request(server)
      .get('/api/devenv/classes')
      .set('Authorization', as('user:default/alice'));
    expect(classes.status).toBe(200);
    expect(classes.body.items.map((c: any) => c.name)).toEqual(['namespace']);
    const clusters = await request(server)
      .get('/api/devenv/clusters')
      .set('Authorization', as('user:default/alice'));
    expect(clusters.body.items.map((c: any) => c.name)).toEqual([
      'dev-eu',
      'prod-us',
    ]);
    expect(JSON.stringify(clusters.body)).not.toMatch(/token|caData|BEGIN/);
  });

  it('validates, creates, reads, lists, extends, sleeps, wakes, connects and deletes, with permissions and an audit trail', async () => {
    const alice = as('user:default/alice');
    const bob = as('user:default/bob');
    const root = as('user:default/root');

    const bad = await api
      .create(alice)
      .send({ name: 'Bad_Name', class: 'namespace', cluster: CLUSTER });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('name must be a DNS-1123 label');

    const forOthers = await api.create(bob).send({
      name,
      class: 'namespace',
      cluster: CLUSTER,
      owner: 'group:default/team-a',
    });
    expect(forOthers.status).toBe(403);

    const dry = await api.create(alice, '?dryRun=true').send({
      name,
      class: 'namespace',
      cluster: CLUSTER,
      owner: 'group:team-a',
    });
    expect(dry.status).toBe(200);
    expect(dry.body.manifests).toHaveLength(6);

    const created = await api.create(alice).send({
      name,
      class: 'namespace',
      cluster: CLUSTER,
      owner: 'group:team-a',
      ttl: '2h',
    });
    expect(created.status).toBe(201);
    expect(created.body.environment).toMatchObject({
      ref: `${CLUSTER}/${name}`,
      owner: 'group:default/team-a',
      status: 'ready',
    });

    const repeat = await api.create(alice).send({
      name,
      class: 'namespace',
      cluster: CLUSTER,
      owner: 'group:team-a',
      ttl: '2h',
    });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual({
      environment: created.body.environment,
      created: false,
    });

    const one = await api.get(bob, ref);
    expect(one.status).toBe(200);
    const mine = await api.list(alice, '?owner=me');
    expect(mine.body.items.map((e: any) => e.name)).toContain(name);
    const bobs = await api.list(bob, '?owner=me');
    expect(bobs.body.items.map((e: any) => e.name)).not.toContain(name);

    // Someone who is not the owner (nor in the owning group) may not change or delete it.
    const bobExtend = await api
      .change(bob, ref)
      .send({ action: 'extend', ttl: '1d' });
    expect(bobExtend.status).toBe(403);
    expect(bobExtend.body.error.message).toContain(
      'it is owned by group:default/team-a',
    );
    const bobDelete = await api.remove(bob, ref);
    expect(bobDelete.status).toBe(403);
    const bobConnect = await api.kubeconfig(bob, ref);
    expect(bobConnect.status).toBe(403);
    expect(bobConnect.body).not.toHaveProperty('kubeconfig');

    const tooLong = await api
      .change(alice, ref)
      .send({ action: 'extend', ttl: '30d' });
    expect(tooLong.status).toBe(400);
    const extended = await api
      .change(alice, ref)
      .send({ action: 'extend', ttl: '1d' });
    expect(extended.status).toBe(200);
    expect(Date.parse(extended.body.expiresAt)).toBeGreaterThan(
      Date.parse(created.body.environment.expiresAt),
    );
    const unknown = await api.change(alice, ref).send({ action: 'resize' });
    expect(unknown.status).toBe(400);

    const slept = await api.change(alice, ref).send({ action: 'sleep' });
    expect(slept.body.status).toBe('sleeping');
    const woke = await api.change(root, ref).send({ action: 'wake' });
    expect(woke.body.status).toBe('ready');

    const connect = await api.kubeconfig(alice, ref);
    expect(connect.status).toBe(200);
    expect(connect.headers['cache-control']).toBe('no-store');
    const token = parse(connect.body.kubeconfig).users[0].user.token;
    expect(token.length).toBeGreaterThan(20);
    // The connect command's form: the kubeconfig file itself.
    const asYaml = await api.kubeconfig(alice, ref, '?format=yaml');
    expect(asYaml.headers['content-type']).toContain('application/yaml');
    expect(parse(asYaml.text).contexts[0].context.namespace).toBe(name);
    expect(created.body.environment.connection.command).toContain(
      `/environments/${CLUSTER}/${name}/kubeconfig?format=yaml' -o ${name}.kubeconfig`,
    );

    // A namespace the suite does not manage is never deleted.
    const foreign = await api.remove(root, `${CLUSTER}/shop`);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toContain(
      'is not managed by Kubeplatform; nothing was deleted',
    );
    const traversal = await api.get(alice, `${CLUSTER}/..%2Fkube-system`);
    expect(traversal.status).toBe(400);

    const deleted = await api.remove(alice, ref);
    expect(deleted.status).toBe(200);
    expect(deleted.body.status).toBe('deleting');
    await waitUntilGone(fleet.cluster(CLUSTER).kubeConfig(), name);

    // Every request above is in the audit trail; the token is in no log line and no audit entry.
    await new Promise(r => setTimeout(r, 200));
    const trail = await request(server)
      .get(`/api/devenv/audit?cluster=${CLUSTER}&name=${name}`)
      .set('Authorization', root);
    const actions = trail.body.items.map(
      (e: any) => `${e.actor} ${e.action} ${e.status}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'user:default/bob get 200',
        'user:default/alice create 201',
        'user:default/alice create 200',
        'user:default/bob create 403',
        'user:default/bob extend 403',
        'user:default/bob delete 403',
        'user:default/bob issue-kubeconfig 403',
        'user:default/alice extend 200',
        'user:default/alice sleep 200',
        'user:default/root wake 200',
        'user:default/alice issue-kubeconfig 200',
        'user:default/alice delete 200',
      ]),
    );
    const bobsTrail = await request(server)
      .get('/api/devenv/audit')
      .set('Authorization', bob);
    expect(
      bobsTrail.body.items.every((e: any) => e.actor === 'user:default/bob'),
    ).toBe(true);
    const everything = JSON.stringify([
      trail.body,
      ...Object.values(logger).map((f: any) => f.mock?.calls ?? []),
    ]);
    expect(everything).not.toContain(token);
  });

  it('evaluates the "is owner" conditional rule for the permission backend', async () => {
    const created = await api
      .create(as('user:default/alice'))
      .send({ name, class: 'namespace', cluster: CLUSTER, ttl: '1h' });
    expect(created.status).toBe(201);
    const apply = (owners: string[]) =>
      request(server)
        .post('/api/devenv/.well-known/backstage/permissions/apply-conditions')
        .set('Authorization', mockCredentials.service.header())
        .send({
          items: [
            {
              id: '1',
              resourceRef: `${CLUSTER}/${name}`,
              resourceType: 'kubeplatform-environment',
              conditions: {
                rule: 'IS_ENVIRONMENT_OWNER',
                resourceType: 'kubeplatform-environment',
                params: { owners },
              },
            },
          ],
        });
    const allowed = await apply(['user:default/alice', 'group:default/team-a']);
    expect(allowed.status).toBe(200);
    expect(allowed.body.items[0].result).toBe('ALLOW');
    const denied = await apply(['user:default/bob']);
    expect(denied.body.items[0].result).toBe('DENY');
    await api.remove(as('user:default/alice'), ref).expect(200);
    await waitUntilGone(fleet.cluster(CLUSTER).kubeConfig(), name);
  });
});
