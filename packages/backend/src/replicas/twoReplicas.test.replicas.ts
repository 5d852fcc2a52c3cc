import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  loadLocalFleet,
  LocalCluster,
  LocalFleet,
  readAuditedRequests,
} from '@kubeplatform/local-clusters';
import {
  adminRequest,
  readNamespace,
  scaleDeployment,
} from './__testUtils__/adminRequest';
import { Replica } from './__testUtils__/Replica';
import { ReplicaApi } from './__testUtils__/replicaApi';
import {
  controlPostgres,
  queryDatabase,
  queryPlugin,
} from './__testUtils__/replicaPostgres';
import {
  freePort,
  readReplicaSetup,
  ReplicaSetup,
} from './__testUtils__/replicaSetup';
import { openViewStream } from './__testUtils__/viewStream';
import { waitFor } from './__testUtils__/waitFor';

/*
 * Issue 14, item 3: two production-built backends (NODE_ENV=production, app-config.production.yaml
 * and app-config.replicas.yaml) on one PostgreSQL and the local fleet. Run by `yarn test:replicas`
 * (scripts/test-replicas), which builds the bundle and starts PostgreSQL; the tests run in order
 * and share the two replicas.
 */
jest.setTimeout(300_000);

const CLUSTER = 'dev-eu';
/** A demo service with a Deployment in the fleet (packages/local-clusters, DEMO_SERVICES). */
const SERVICE = { name: 'checkout', namespace: 'shop' };
const run = Date.now().toString(36);
/**
 * What an entity view says about the entity's resources: per cluster, each workload with its
 * desired replicas and images. Left out: what each replica's own watch cache stamps (when the
 * view was built, when a watch last synced, ages) and what the demo fleet's simulations change
 * all the time (pod phases, restarts, readiness counts, events).
 */
function resourcesOf(view: any) {
  return view.clusters
    .map((c: any) => ({
      cluster: c.cluster.name,
      workloads: c.workloads
        .map(
          (w: any) =>
            `${w.kind} ${w.namespace}/${w.name} x${
              w.replicas.desired
            } ${w.images.map((i: any) => i.image).join(',')}`,
        )
        .sort(),
    }))
    .sort((x: any, y: any) => x.cluster.localeCompare(y.cluster));
}

let setup: ReplicaSetup;
let fleet: LocalFleet;
let devCluster: LocalCluster;
let a: Replica;
let b: Replica;
/** A user token signed by replica A, used on both: the signing keys live in PostgreSQL. */
let userToken: string;
const serviceToken = randomBytes(24).toString('base64url');
const created = new Set<string>();
/** When the test stopped PostgreSQL. */
let outageStart: Date | undefined;
/** What the tests found, for docs/deploy.md. */
const findings: Record<string, unknown> = {};

const asUser = (r: Replica) => new ReplicaApi(r.url, userToken);
const asService = (r: Replica) => new ReplicaApi(r.url, serviceToken);

async function createEnvironment(via: Replica, name: string, ttl: string) {
  created.add(name);
  const answer = await asUser(via).request('POST', '/api/devenv/environments', {
    name,
    class: 'namespace',
    cluster: CLUSTER,
    ttl,
  });
  expect([answer.status, answer.body]).toEqual([201, expect.anything()]);
  return answer.body.environment;
}

/** Nothing else was lost: the environment `name` is still whole through `via`; then deletes it. */
async function expectReadyThenDelete(via: Replica, name: string) {
  const kept = await asUser(via).get(
    `/api/devenv/environments/${CLUSTER}/${name}`,
  );
  expect([kept.status, kept.body.status]).toEqual([200, 'ready']);
  await asUser(via).request(
    'DELETE',
    `/api/devenv/environments/${CLUSTER}/${name}`,
  );
}

async function listedNames(via: Replica): Promise<string[]> {
  const answer = await asService(via).get(
    `/api/devenv/environments?cluster=${CLUSTER}`,
  );
  expect(answer.status).toBe(200);
  return answer.body.items.map((e: { name: string }) => e.name);
}

async function catalogEnvironmentEntities(via: Replica, names: string[]) {
  const answer = await asService(via).get(
    '/api/catalog/entities?filter=kind=resource,spec.type=dev-environment',
  );
  expect(answer.status).toBe(200);
  return (answer.body as any[]).filter(e =>
    names.includes(e.metadata.annotations?.['kubeplatform.io/environment']),
  );
}

/** The migration-race errors a replica's log names (knex's lock, two creates of one table). */
function raceErrors(log: string): string[] {
  const found = log.match(
    /MigrationLocked: Migration table is already locked|duplicate key value violates unique constraint \\?"[\w.-]+\\?"|relation \\?"[\w.-]+\\?" already exists/g,
  );
  return [...new Set(found ?? [])];
}

function pluginDatabases(prefix: string) {
  return queryDatabase<{ datname: string }>(
    setup,
    'postgres',
    'select datname from pg_database where starts_with(datname, $1) order by datname',
    [prefix],
  );
}

async function lockTables(database: string): Promise<string[]> {
  const rows = await queryDatabase<{ name: string }>(
    setup,
    database,
    "select table_name as name from information_schema.tables where table_name like '%knex_migrations_lock' order by table_name",
  );
  return rows.map(r => r.name);
}

function errorBodyIsClean(answer: { status: number; body: any }) {
  return (
    typeof answer.body === 'object' &&
    typeof answer.body.error?.message === 'string' &&
    answer.body.error.stack === undefined &&
    !JSON.stringify(answer.body).includes('    at ')
  );
}

beforeAll(async () => {
  setup = readReplicaSetup();
  fleet = await loadLocalFleet();
  devCluster = fleet.cluster(CLUSTER);
  const [portA, portB] = [await freePort(), await freePort()];
  a = new Replica('a', portA, setup, serviceToken);
  b = new Replica('b', portB, setup, serviceToken);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  // Leftovers of a failed run; the reaper deletes them otherwise, once they expire.
  for (const name of created) {
    await adminRequest(
      devCluster,
      'DELETE',
      `/api/v1/namespaces/${name}`,
    ).catch(() => undefined);
  }
  if (setup) {
    fs.writeFileSync(
      path.join(setup.workdir, 'findings.json'),
      `${JSON.stringify(findings, null, 2)}\n`,
    );
  }
});

describe('two production replicas on one PostgreSQL', () => {
  it('started at the same moment on an empty database, they race on migrations: a replica fails, and a lock table the race filled twice fails every later start', async () => {
    // A database set of its own, so that the race cannot touch the rest of the test.
    const databasePrefix = 'together_';
    a.start({ databasePrefix });
    b.start({ databasePrefix });
    const outcomes = await Promise.all([
      a.waitStarted(240_000),
      b.waitStarted(240_000),
    ]);
    const together = [a, b].map((replica, i) => ({
      replica: replica.name,
      outcome: outcomes[i],
      errors: raceErrors(replica.log()),
    }));
    await Promise.all([a.stop(), b.stop()]);

    // knex inserts the one row of a lock table when it finds none: racing, both insert, and
    // from then on taking the lock (an update that must touch exactly one row) always fails.
    // A replica stopped while it held a lock would leave it taken, with the same effect.
    const doubled: string[] = [];
    const held: string[] = [];
    for (const { datname } of await pluginDatabases(databasePrefix)) {
      for (const table of await lockTables(datname)) {
        const rows = await queryDatabase<{ is_locked: number }>(
          setup,
          datname,
          `select is_locked from "${table}"`,
        );
        if (rows.length !== 1) doubled.push(`${datname}.${table}`);
        if (rows.some(r => r.is_locked)) held.push(`${datname}.${table}`);
      }
    }
    const broken = [...doubled, ...held];

    // A restart, alone: ready exactly when every lock table holds one free row.
    a.start({ databasePrefix });
    const restart = await a.waitStarted(240_000);
    const restartErrors = raceErrors(a.log());
    await a.stop();
    findings.startedTogether = {
      together,
      doubled,
      held,
      restart,
      restartErrors,
    };

    // A replica that did not start names the migration race, and nothing else.
    expect(
      together.filter(t => t.outcome !== 'ready' && t.errors.length === 0),
    ).toEqual([]);
    expect({ restart, broken }).toEqual({
      restart: broken.length ? 'plugin-failed' : 'ready',
      broken,
    });
    expect(restartErrors.length > 0).toBe(broken.length > 0);
  });

  it('started one after the other on an empty database (a rolling start), both become ready and every migration runs once', async () => {
    expect(await pluginDatabases('backstage_plugin_')).toEqual([]);
    await a.startAndWaitReady();
    await b.startAndWaitReady();
    expect(raceErrors(a.log() + b.log())).toEqual([]);

    for (const { datname } of await pluginDatabases('backstage_plugin_')) {
      for (const table of await lockTables(datname)) {
        const rows = await queryDatabase(
          setup,
          datname,
          `select is_locked from "${table}"`,
        );
        expect({ table: `${datname}.${table}`, rows }).toEqual({
          table: `${datname}.${table}`,
          rows: [{ is_locked: 0 }],
        });
        const migrations = table.replace(/_lock$/, '');
        const twice = await queryDatabase(
          setup,
          datname,
          `select name from "${migrations}" group by name having count(*) > 1`,
        );
        expect({ table: `${datname}.${migrations}`, twice }).toEqual({
          table: `${datname}.${migrations}`,
          twice: [],
        });
      }
    }
    userToken = await ReplicaApi.signIn(a.url);
  });

  it('serves the same entity view on both, and a scale in a cluster reaches SSE streams on both', async () => {
    const viewPath = `/api/multicluster/entities/component/default/${SERVICE.name}`;
    const views = await waitFor(
      'the same resources in the view of checkout on both replicas',
      async () => {
        const [va, vb] = await Promise.all(
          [a, b].map(r => asUser(r).get(viewPath)),
        );
        if (va.status !== 200 || vb.status !== 200) return undefined;
        if (!va.body.clusters?.length) return undefined;
        const [ra, rb] = [resourcesOf(va.body), resourcesOf(vb.body)];
        if (JSON.stringify(ra) !== JSON.stringify(rb)) {
          throw new Error(
            `the replicas disagree: A ${JSON.stringify(ra)}, B ${JSON.stringify(
              rb,
            )}`,
          );
        }
        return va.body;
      },
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );
    const where = views.clusters.find((c: any) =>
      c.workloads.some(
        (w: any) => w.kind === 'Deployment' && w.name === SERVICE.name,
      ),
    );
    expect(where).toBeDefined();
    const cluster = fleet.cluster(where.cluster.name);
    const before = where.workloads.find((w: any) => w.name === SERVICE.name)
      .replicas.desired as number;
    const scaled = before + 1;

    const streams = await Promise.all(
      [a, b].map(r => openViewStream(`${r.url}${viewPath}/stream`, userToken)),
    );
    try {
      await scaleDeployment(cluster, SERVICE.namespace, SERVICE.name, scaled);
      const shows = (view: any) =>
        view.clusters.some(
          (c: any) =>
            c.cluster.name === cluster.name &&
            c.workloads.some(
              (w: any) =>
                w.name === SERVICE.name && w.replicas.desired === scaled,
            ),
        );
      const seen = await Promise.all(
        streams.map(s => s.waitFor(shows, 15_000)),
      );
      expect(seen).toHaveLength(2);
    } finally {
      await scaleDeployment(cluster, SERVICE.namespace, SERVICE.name, before);
      await Promise.all(streams.map(s => s.close()));
    }
  });

  it('lists, extends, sleeps and deletes through B an environment created through A', async () => {
    const name = `rep-ab-${run}`;
    const environment = await createEnvironment(a, name, '2h');
    expect(await listedNames(b)).toContain(name);

    const got = await asUser(b).get(
      `/api/devenv/environments/${CLUSTER}/${name}`,
    );
    expect(got.status).toBe(200);
    const extended = await asUser(b).request(
      'PATCH',
      `/api/devenv/environments/${CLUSTER}/${name}`,
      { action: 'extend', ttl: '4h' },
    );
    expect(extended.status).toBe(200);
    expect(Date.parse(extended.body.expiresAt)).toBeGreaterThan(
      Date.parse(environment.expiresAt),
    );
    const slept = await asUser(b).request(
      'PATCH',
      `/api/devenv/environments/${CLUSTER}/${name}`,
      { action: 'sleep' },
    );
    expect([slept.status, slept.body.status]).toEqual([200, 'sleeping']);
    expect(
      (await asUser(a).get(`/api/devenv/environments/${CLUSTER}/${name}`)).body
        .status,
    ).toBe('sleeping');

    const deleted = await asUser(b).request(
      'DELETE',
      `/api/devenv/environments/${CLUSTER}/${name}`,
    );
    expect(deleted.status).toBeLessThan(300);
    await waitFor(
      `${name} to be gone from the cluster and from A's list`,
      async () =>
        !(await readNamespace(devCluster, environment.namespace)) &&
        !(await listedNames(a)).includes(name)
          ? true
          : undefined,
      { timeoutMs: 60_000 },
    );
    created.delete(name);

    const audit = await queryPlugin<{ action: string; n: string }>(
      setup,
      'devenv',
      "select action, count(*) as n from devenv_audit where environment = $1 and method <> 'GET' group by action order by action",
      [name],
    );
    expect(audit).toEqual([
      { action: 'create', n: '1' },
      { action: 'delete', n: '1' },
      { action: 'extend', n: '1' },
      { action: 'sleep', n: '1' },
    ]);
  });

  it('reaps each expired environment exactly once over several reaper periods, and the catalog provider publishes each once', async () => {
    const since = new Date();
    const names = [0, 1, 2].map(i => `rep-reap-${i}-${run}`);
    const environments: Array<{ namespace: string }> = [];
    for (const [i, name] of names.entries()) {
      environments.push(await createEnvironment(i % 2 ? b : a, name, '20s'));
    }

    // Published once each, as seen from either replica, while they exist.
    for (const replica of [a, b]) {
      const entities = await waitFor(
        `replica ${replica.name}'s catalog to hold the three environments`,
        async () => {
          const found = await catalogEnvironmentEntities(replica, names);
          return found.length >= names.length ? found : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 1_000 },
      );
      expect(
        entities
          .map(e => e.metadata.annotations['kubeplatform.io/environment'])
          .sort(),
      ).toEqual([...names].sort());
    }

    await waitFor(
      'the reaper to delete the three expired environments',
      async () => {
        const left = await Promise.all(
          environments.map(e => readNamespace(devCluster, e.namespace)),
        );
        return left.every(n => !n) ? true : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );
    names.forEach(n => created.delete(n));

    // Three more reaper periods: the task's next run moves on three times.
    const nextRuns = new Set<string>();
    await waitFor(
      'three more runs of the devenv-reaper task',
      async () => {
        const [task] = await queryPlugin<{ next: Date | null }>(
          setup,
          'devenv',
          "select next_run_start_at as next from backstage_backend_tasks__tasks where id = 'devenv-reaper'",
        );
        if (task?.next) nextRuns.add(task.next.toISOString());
        return nextRuns.size > 3 ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );

    const reaped = await queryPlugin<{ environment: string; n: string }>(
      setup,
      'devenv',
      "select environment, count(*) as n from devenv_audit where action = 'reap-delete' and environment = any($1) group by environment order by environment",
      [names],
    );
    expect(reaped).toEqual(
      [...names].sort().map(environment => ({ environment, n: '1' })),
    );

    // The apiserver's audit log agrees: one DELETE of each namespace, by the backend.
    const deletes = readAuditedRequests(devCluster.auditLogPath, {
      since,
    }).filter(r => r.verb === 'delete' && r.resource === 'namespaces');
    for (const environment of environments) {
      expect({
        namespace: environment.namespace,
        deletes: deletes.filter(r =>
          r.requestURI
            .split('?')[0]
            .endsWith(`/namespaces/${environment.namespace}`),
        ).length,
      }).toEqual({ namespace: environment.namespace, deletes: 1 });
    }

    for (const replica of [a, b]) {
      await waitFor(
        `replica ${replica.name}'s catalog to drop the reaped environments`,
        async () =>
          (await catalogEnvironmentEntities(replica, names)).length === 0
            ? true
            : undefined,
        { timeoutMs: 60_000, intervalMs: 1_000 },
      );
    }
  });

  it('answers clear errors while PostgreSQL is stopped, recovers when it returns, and keeps every stored audit row', async () => {
    const kept = await queryPlugin<{ id: number }>(
      setup,
      'devenv',
      'select id from devenv_audit order by id',
    );
    outageStart = new Date();
    controlPostgres(setup, 'stop');
    let duringOutage: Record<string, { status: number; message: string }> = {};
    const failedCatalogReads: number[] = [];
    const unclean: string[] = [];
    try {
      for (const replica of [a, b]) {
        const catalog = await asService(replica).get(
          '/api/catalog/entities/by-name/component/default/checkout',
        );
        failedCatalogReads.push(catalog.status);
        const list = await asService(replica).get(
          `/api/devenv/environments?cluster=${CLUSTER}`,
        );
        duringOutage = {
          ...duringOutage,
          [`${replica.name} catalog`]: {
            status: catalog.status,
            message: catalog.body?.error?.message ?? '',
          },
          [`${replica.name} devenv list`]: {
            status: list.status,
            message: list.body?.error?.message ?? '',
          },
        };
        unclean.push(
          ...[catalog, list]
            .filter(r => r.status >= 400 && !errorBodyIsClean(r))
            .map(r => `${replica.name}: ${JSON.stringify(r.body)}`),
        );
      }
    } finally {
      controlPostgres(setup, 'start');
    }
    findings.postgresStopped = duringOutage;
    // The catalog reads its database: it fails, clearly and without a stack trace.
    expect(failedCatalogReads.every(status => status >= 500)).toBe(true);
    expect(unclean).toEqual([]);

    for (const replica of [a, b]) {
      await waitFor(
        `replica ${replica.name} to answer catalog requests again`,
        async () =>
          (
            await asService(replica).get(
              '/api/catalog/entities/by-name/component/default/checkout',
            )
          ).status === 200
            ? true
            : undefined,
        { timeoutMs: 60_000, intervalMs: 1_000 },
      );
    }
    const after = await queryPlugin<{ id: number }>(
      setup,
      'devenv',
      'select id from devenv_audit order by id',
    );
    expect(after.map(r => r.id)).toEqual(
      expect.arrayContaining(kept.map(r => r.id)),
    );
  });

  // AuditTrail keeps the rows the database refused and writes them when it is back: the two
  // lists served during the outage are recorded once PostgreSQL returns.
  it('records the audit rows of requests served while PostgreSQL was stopped, once it is back', async () => {
    // Listing reads the clusters, not the database: during the outage both replicas answered it.
    expect(outageStart).toBeDefined();
    // The trail retries every 5 s; wait until both rows are there (or fail with what was seen).
    const listedDuringOutage = await waitFor(
      'the audit rows of the two lists served during the outage',
      async () => {
        const rows = await queryPlugin(
          setup,
          'devenv',
          "select actor from devenv_audit where action = 'list' and actor like '%replica-test' and at >= $1",
          [outageStart],
        );
        return rows.length >= 2 ? rows : undefined;
      },
      { timeoutMs: 30_000 },
    );
    expect(listedDuringOutage).toHaveLength(2);
  });

  it('leaves no half-made environment once the other replica has reaped, when a replica is killed mid-create', async () => {
    const survivor = `rep-keep-${run}`;
    await createEnvironment(b, survivor, '1h');
    const name = `rep-kill-${run}`;
    created.add(name);
    const creating = asUser(a)
      .request('POST', '/api/devenv/environments', {
        name,
        class: 'namespace',
        cluster: CLUSTER,
        ttl: '20s',
      })
      .catch((error: Error) => error);
    const anchor = await waitFor(
      `the namespace of ${name} to appear`,
      () => readNamespace(devCluster, name),
      { timeoutMs: 30_000, intervalMs: 5 },
    );
    await a.kill();
    const answer = await creating;
    const phase = (await readNamespace(devCluster, name))?.metadata
      ?.annotations?.['kubeplatform.io/phase'];
    findings.killedMidCreate = {
      phaseWhenSeen: anchor.metadata.annotations?.['kubeplatform.io/phase'],
      phaseAfterKill: phase,
      request: 'status' in answer ? answer.status : String(answer),
    };
    // The kill cut the create short: the environment was left half-made.
    expect(phase).toBe('provisioning');

    await waitFor(
      `replica b's reaper to delete the half-made ${name}`,
      async () => ((await readNamespace(devCluster, name)) ? undefined : true),
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );
    created.delete(name);
    const reaped = await queryPlugin(
      setup,
      'devenv',
      "select actor from devenv_audit where action = 'reap-delete' and environment = $1",
      [name],
    );
    expect(reaped).toEqual([{ actor: 'devenv-reaper' }]);

    // Nothing else was lost: the other environment is whole, and B still serves.
    await expectReadyThenDelete(b, survivor);
  });

  it('completes the work exactly once on the other replica, once the task lock expires, when a replica is killed during a reaper run', async () => {
    // The previous test killed A: both replicas run again for this one.
    if (!a.running) await a.startAndWaitReady();
    if (!b.running) await b.startAndWaitReady();
    const since = new Date();
    const keeper = `rep-rkeep-${run}`;
    await createEnvironment(b, keeper, '1h');
    // Several environments that expire together, so that one reaper pass deletes them one after
    // the other and lasts long enough to be cut.
    const names = [0, 1, 2, 3, 4, 5, 6, 7].map(i => `rep-rr-${i}-${run}`);
    const environments: Array<{ name: string; namespace: string }> =
      await Promise.all(
        names.map((name, i) => createEnvironment(i % 2 ? b : a, name, '20s')),
      );
    const deletedBy = (replica: Replica) =>
      names.filter(n =>
        replica.log().includes(`Deleted environment ${CLUSTER}/${n}`),
      );

    // The holder is the replica whose log names the first deletion of the pass.
    const holder = await waitFor(
      'a reaper pass to delete the first of the expired environments',
      async () => [a, b].find(r => deletedBy(r).length > 0),
      { timeoutMs: 90_000, intervalMs: 5 },
    );
    await holder.kill();
    const killedAt = new Date();
    const survivor = holder === a ? b : a;
    const [task] = await queryPlugin<{
      ticket: string | null;
      started: Date | null;
      expires: Date | null;
    }>(
      setup,
      'devenv',
      "select current_run_ticket as ticket, current_run_started_at as started, current_run_expires_at as expires from backstage_backend_tasks__tasks where id = 'devenv-reaper'",
    );
    const byHolder = deletedBy(holder);
    const left = names.filter(n => !byHolder.includes(n));
    // The kill cut the pass: its ticket is still held, and environments were left for later.
    expect(task.ticket).not.toBeNull();
    expect(left.length).toBeGreaterThan(0);
    expect(deletedBy(survivor)).toEqual([]);

    const namespaceOf = (n: string) =>
      environments.find(e => e.name === n)!.namespace;
    const takeover = await waitFor(
      `replica ${survivor.name}'s reaper to delete the ${left.length} environments the killed pass left`,
      async () => {
        const remaining = await Promise.all(
          left.map(n => readNamespace(devCluster, namespaceOf(n))),
        );
        return remaining.every(ns => !ns) ? new Date() : undefined;
      },
      { timeoutMs: 480_000, intervalMs: 1_000 },
    );
    names.forEach(n => created.delete(n));
    const [after] = await queryPlugin<{ ended: Date | null }>(
      setup,
      'devenv',
      "select last_run_ended_at as ended from backstage_backend_tasks__tasks where id = 'devenv-reaper'",
    );
    findings.killedDuringReaperRun = {
      holder: holder.name,
      deletedByHolder: byHolder.length,
      leftForSurvivor: left.length,
      runStartedAt: task.started,
      lockExpiresAt: task.expires,
      killedAt,
      workDoneAt: takeover,
      takeoverSeconds: (takeover.getTime() - killedAt.getTime()) / 1000,
      lastRunEndedAt: after?.ended,
    };
    // The survivor waited for the lock to expire: it took over no earlier than the ticket's
    // expiry (the task's 5 min timeout), and no later than the scheduler's janitor (every minute)
    // and its work check (the 5 s period) allow.
    expect(takeover.getTime()).toBeGreaterThanOrEqual(task.expires!.getTime());
    expect(takeover.getTime() - task.expires!.getTime()).toBeLessThan(
      60_000 + 5_000 + 10_000,
    );
    expect(deletedBy(survivor).sort()).toEqual([...left].sort());

    // Each namespace was deleted once, by one replica or the other; nothing else of this run.
    const deletes = await waitFor(
      "the apiserver audit log's namespace deletes of this run",
      async () => {
        const found = readAuditedRequests(devCluster.auditLogPath, {
          since,
        })
          .filter(r => r.verb === 'delete' && r.resource === 'namespaces')
          .map(r => r.requestURI.split('?')[0].split('/').pop()!)
          .filter(ns => ns.endsWith(`-${run}`));
        return names.every(n => found.includes(namespaceOf(n)))
          ? found
          : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 1_000 },
    );
    expect(deletes.sort()).toEqual(names.map(namespaceOf).sort());

    // Audit rows: the reaper records each action right after it, so the survivor's environments
    // have one `reap-delete` row each; the killed pass recorded what it finished before the kill
    // (the kill follows its delete's log line, which comes before the row: zero or one row).
    const reaped = await waitFor(
      "the survivor's reap-delete audit rows",
      async () => {
        const rows = await queryPlugin<{ environment: string; n: string }>(
          setup,
          'devenv',
          "select environment, count(*) as n from devenv_audit where action = 'reap-delete' and environment = any($1) group by environment order by environment",
          [names],
        );
        return left.every(env => rows.some(r => r.environment === env))
          ? rows
          : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 1_000 },
    );
    const rowsOf = new Map(reaped.map(r => [r.environment, Number(r.n)]));
    for (const env of left) {
      expect([env, rowsOf.get(env)]).toEqual([env, 1]);
    }
    for (const env of names.filter(n => !left.includes(n))) {
      expect(rowsOf.get(env) ?? 0).toBeLessThanOrEqual(1);
    }

    // Nothing else was lost: the environment that had not expired is whole.
    await expectReadyThenDelete(survivor, keeper);
  }, 600_000);
});
