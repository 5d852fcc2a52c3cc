import { InputError, ServiceUnavailableError } from '@backstage/errors';
import {
  AppsV1Api,
  AuthorizationV1Api,
  KubeConfig,
  NetworkingV1Api,
  RbacAuthorizationV1Api,
} from '@kubernetes/client-node';
import net from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';
import { testSettings } from '../__fixtures__/settings';
import { observedProvisioner, useFleet } from '../__testUtils__/fleetTestbed';
import {
  fleetClusters,
  provisionerSeeing,
  readNamespace as readFleetNamespace,
  uniqueName,
  waitUntilGone as waitUntilNamespaceGone,
} from '../testUtils';
import { reapEnvironments } from './reapEnvironments';

const CLUSTER = 'dev-eu';
jest.setTimeout(90_000);

const bed = useFleet(CLUSTER);
const { cleanup: createdNamespaces, request } = bed;

function provisioner(
  options: {
    infraManifests?: string;
    claimTimeout?: string;
    kubeConfig?: () => KubeConfig;
  } = {},
) {
  return observedProvisioner(bed.fleet, {
    clusters: fleetClusters(
      bed.fleet,
      options.kubeConfig ? { [CLUSTER]: options.kubeConfig } : {},
    ),
    settings: testSettings(options),
  });
}

const readNamespace = (name: string) => readFleetNamespace(bed.core, name);
const waitUntilGone = (name: string) => waitUntilNamespaceGone(bed.admin, name);

async function canI(
  user: { user?: string; groups?: string[] },
  namespace: string,
  verb = 'create',
  resource = 'pods',
): Promise<boolean> {
  const authz = bed.admin.makeApiClient(AuthorizationV1Api);
  const review = await authz.createSubjectAccessReview({
    body: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: {
        ...user,
        resourceAttributes: { namespace, verb, resource },
      },
    },
  });
  return review.status?.allowed === true;
}

describe('namespace class on a real API server', () => {
  it('creates the namespace, quota, limits, policy and binding with server-side apply', async () => {
    const name = uniqueName('it-ns');
    const progress: string[] = [];
    const { provisioner: p } = provisioner();
    const result = await p.create(request(name, { size: 'medium' }), {
      createdBy: 'user:default/alice',
      progress: line => progress.push(line),
    });

    expect(result.created).toBe(true);
    expect(result.environment).toMatchObject({
      ref: `${CLUSTER}/${name}`,
      status: 'ready',
      owner: 'user:default/alice',
      namespace: name,
      size: 'medium',
      connection: { kind: 'kubeconfig', namespace: name },
    });
    expect(progress).toContain(`Creating Namespace ${name}`);
    expect(progress).toContain(`Applying RoleBinding ${name}/devenv-owner`);

    const ns = await readNamespace(name);
    expect(ns?.metadata?.labels).toMatchObject({
      'app.kubernetes.io/managed-by': 'kubeplatform',
      'kubeplatform.io/environment': name,
      'kubeplatform.io/owner': 'user.default.alice',
      'kubeplatform.io/class': 'namespace',
    });
    expect(ns?.metadata?.annotations?.['kubeplatform.io/phase']).toBe('ready');

    const quota = await bed.readQuota(name);
    expect(quota.spec?.hard).toMatchObject({
      'requests.cpu': '4',
      'limits.memory': '8Gi',
      pods: '40',
    });
    // Server-side apply by the kubeplatform field manager, not a client-side update.
    expect(quota.metadata?.managedFields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          manager: 'kubeplatform',
          operation: 'Apply',
        }),
      ]),
    );
    const limits = await bed.core.readNamespacedLimitRange({
      name: 'devenv-limits',
      namespace: name,
    });
    expect(limits.spec!.limits[0]).toMatchObject({
      type: 'Container',
      _default: { cpu: '500m', memory: '512Mi' },
      defaultRequest: { cpu: '100m', memory: '128Mi' },
    });

    const objects = bed.admin.makeApiClient(NetworkingV1Api);
    const policy = await objects.readNamespacedNetworkPolicy({
      name: 'devenv-isolation',
      namespace: name,
    });
    expect(policy.spec?.policyTypes).toEqual(['Ingress', 'Egress']);
    // Pods in the namespace, plus the configured ingress and system namespaces, and nothing else.
    expect(policy.spec?.ingress).toHaveLength(1);
    expect(policy.spec?.ingress?.[0]._from).toEqual([
      { podSelector: {} },
      {
        namespaceSelector: {
          matchLabels: { 'kubeplatform.io/network-peer': 'ingress-nginx' },
        },
      },
      {
        namespaceSelector: {
          matchLabels: { 'kubeplatform.io/network-peer': 'kube-system' },
        },
      },
    ]);

    const rbac = bed.admin.makeApiClient(RbacAuthorizationV1Api);
    const binding = await rbac.readNamespacedRoleBinding({
      name: 'devenv-owner',
      namespace: name,
    });
    expect(binding.roleRef.name).toBe('edit');
    expect(binding.subjects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'User', name: 'alice' }),
      ]),
    );

    // A SubjectAccessReview: the owner may create pods here, and not in another namespace.
    expect(await canI({ user: 'alice' }, name)).toBe(true);
    expect(await canI({ user: 'alice' }, 'shop')).toBe(false);
    expect(await canI({ user: 'bob' }, name)).toBe(false);

    // A re-run with the same spec is a no-op with the same outputs.
    const rv = ns?.metadata?.resourceVersion;
    const again = await p.create(request(name, { size: 'medium' }), {
      createdBy: 'user:default/alice',
    });
    expect(again.created).toBe(false);
    expect(again.environment).toEqual(result.environment);
    expect((await readNamespace(name))?.metadata?.resourceVersion).toBe(rv);

    // Someone else asking for the same name gets a clear error, and nothing is touched.
    await expect(
      p.create(request(name, { owner: 'user:default/bob', size: 'medium' })),
    ).rejects.toThrow(
      `already exists and is owned by user:default/alice; nothing was changed`,
    );
    // The same owner with a different spec is refused too.
    await expect(p.create(request(name, { size: 'small' }))).rejects.toThrow(
      'already exists with a different spec',
    );
    expect((await readNamespace(name))?.metadata?.resourceVersion).toBe(rv);

    // The environment is listed, and filtering by owner works.
    const mine = await p.list({
      owners: ['user:default/alice'],
      cluster: CLUSTER,
    });
    expect(mine.items.find(e => e.name === name)).toEqual(result.environment);
    const bobs = await p.list({ owners: ['user:default/bob'] });
    expect(bobs.items.map(e => e.name)).not.toContain(name);

    // Delete removes everything.
    const deleted = await p.delete(CLUSTER, name);
    expect(deleted.status).toBe('deleting');
    await waitUntilGone(name);
    await expect(p.get(CLUSTER, name)).rejects.toThrow(
      `No environment "${name}"`,
    );
  });

  it('issues a namespace-scoped kubeconfig from a TokenRequest that can act only there', async () => {
    const name = uniqueName('it-kc');
    const { provisioner: p, logger } = provisioner();
    await p.create(request(name));
    const issued = await p.issueKubeconfig(CLUSTER, name);
    const config = parse(issued.kubeconfig);
    const token: string = config.users[0].user.token;
    expect(token.length).toBeGreaterThan(20);
    expect(config.contexts[0].context.namespace).toBe(name);

    const kc = new KubeConfig();
    kc.loadFromString(issued.kubeconfig);
    const authz = kc.makeApiClient(AuthorizationV1Api);
    const can = async (namespace: string) =>
      (
        await authz.createSelfSubjectAccessReview({
          body: {
            apiVersion: 'authorization.k8s.io/v1',
            kind: 'SelfSubjectAccessReview',
            spec: {
              resourceAttributes: {
                namespace,
                verb: 'create',
                resource: 'pods',
              },
            },
          },
        })
      ).status?.allowed;
    expect(await can(name)).toBe(true);
    expect(await can('shop')).toBe(false);

    const logged = JSON.stringify([
      (logger.info as jest.Mock).mock.calls,
      (logger.warn as jest.Mock).mock.calls,
      (logger.error as jest.Mock).mock.calls,
    ]);
    expect(logged).not.toContain(token);

    await p.delete(CLUSTER, name);
    await waitUntilGone(name);
  });

  it('of two concurrent creates of the same name, exactly one wins', async () => {
    const name = uniqueName('it-race');
    const { provisioner: p } = provisioner();
    const results = await Promise.allSettled([
      p.create(request(name)),
      p.create(request(name)),
    ]);
    // Exactly one request writes. The other either sees the first one mid-create (a conflict)
    // or, if the first already finished, is an idempotent repeat that wrote nothing.
    const fulfilled = results.filter(
      r => r.status === 'fulfilled',
    ) as PromiseFulfilledResult<{ created: boolean }>[];
    const lost = results.filter(
      r => r.status === 'rejected',
    ) as PromiseRejectedResult[];
    expect(fulfilled.filter(r => r.value.created)).toHaveLength(1);
    for (const { reason } of lost) {
      expect(reason.name).toBe('ConflictError');
      expect(reason.message).toMatch(
        /created by another request at the same time|being created by another request/,
      );
    }
    expect(lost.length + fulfilled.filter(r => !r.value.created).length).toBe(
      1,
    );
    // The winner's environment is intact after the loser gave up.
    expect((await p.get(CLUSTER, name)).status).toBe('ready');
    const quota = await bed.readQuota(name);
    expect(quota.metadata?.name).toBe('devenv-quota');
    await p.delete(CLUSTER, name);
    await waitUntilGone(name);
  });

  it('rolls back everything a failed create made, midway through', async () => {
    const name = uniqueName('it-fail');
    const { provisioner: p } = provisioner({
      infraManifests: path.resolve(__dirname, '../__fixtures__/infra-broken'),
    });
    const progress: string[] = [];
    const error = await p
      .create(request(name, { parameters: { installInfra: true } }), {
        progress: line => progress.push(line),
      })
      .catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.cause).toBeInstanceOf(InputError);
    expect(error.message).toContain(
      `applying Service ${name}/broken on cluster "dev-eu" was refused`,
    );
    expect(error.message).toContain(
      'rolled back 7 objects this request created',
    );
    // The ConfigMap before the failure was applied, then removed with everything else.
    expect(progress).toContain(`Applying ConfigMap ${name}/app-settings`);
    expect(progress).toContain(`Rolling back Namespace ${name}`);
    await waitUntilGone(name);
  });

  it('refuses a name taken by a namespace it does not manage, and never deletes one', async () => {
    const name = uniqueName('it-foreign');
    createdNamespaces.add(name);
    await bed.core.createNamespace({ body: { metadata: { name } } });
    const { provisioner: p } = provisioner();
    await expect(p.create(request(name))).rejects.toThrow(
      `Namespace ${name} already exists on cluster "dev-eu" and is not managed by Kubeplatform; nothing was changed`,
    );
    await expect(p.delete(CLUSTER, name)).rejects.toThrow(
      `Namespace "${name}" on cluster "dev-eu" is not managed by Kubeplatform; nothing was deleted`,
    );
    await expect(p.delete(CLUSTER, 'shop')).rejects.toThrow(
      'not managed by Kubeplatform',
    );
    const ns = await readNamespace(name);
    expect(ns?.metadata?.deletionTimestamp).toBeUndefined();
    expect(
      ns?.metadata?.labels?.['app.kubernetes.io/managed-by'],
    ).toBeUndefined();
    await bed.core.deleteNamespace({ name });
  });

  it('puts workloads to sleep and wakes them with their replicas', async () => {
    const name = uniqueName('it-sleep');
    const { provisioner: p } = provisioner();
    await p.create(request(name));
    const apps = bed.admin.makeApiClient(AppsV1Api);
    const labels = { app: 'web' };
    const template = {
      metadata: { labels },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
    };
    await apps.createNamespacedDeployment({
      namespace: name,
      body: {
        metadata: { name: 'web' },
        spec: { replicas: 3, selector: { matchLabels: labels }, template },
      },
    });
    await apps.createNamespacedStatefulSet({
      namespace: name,
      body: {
        metadata: { name: 'db' },
        spec: {
          replicas: 2,
          serviceName: 'db',
          selector: { matchLabels: labels },
          template,
        },
      },
    });
    await apps.createNamespacedDeployment({
      namespace: name,
      body: {
        metadata: { name: 'stopped' },
        spec: { replicas: 0, selector: { matchLabels: labels }, template },
      },
    });

    const replicas = async () => {
      const read = (deployment: string) =>
        apps.readNamespacedDeployment({ name: deployment, namespace: name });
      const web = await read('web');
      return {
        web: web.spec?.replicas,
        webBeforeSleep:
          web.metadata?.annotations?.['kubeplatform.io/replicas-before-sleep'],
        db: (
          await apps.readNamespacedStatefulSet({ name: 'db', namespace: name })
        ).spec?.replicas,
        stopped: (await read('stopped')).spec?.replicas,
      };
    };

    const asleep = await p.sleep(CLUSTER, name);
    expect(asleep.status).toBe('sleeping');
    expect(await replicas()).toEqual({
      web: 0,
      webBeforeSleep: '3',
      db: 0,
      stopped: 0,
    });

    const awake = await p.wake(CLUSTER, name);
    expect(awake.status).toBe('ready');
    const woken = await replicas();
    expect(woken).toEqual({ web: 3, db: 2, stopped: 0 });
    expect(woken.webBeforeSleep).toBeUndefined();

    await p.delete(CLUSTER, name);
    await waitUntilGone(name);
  });

  it('extends the expiry within the class maximum', async () => {
    const name = uniqueName('it-ext');
    const { provisioner: p } = provisioner();
    const { environment } = await p.create(request(name, { ttl: '1h' }));
    const extended = await p.extend(CLUSTER, name, '3d');
    expect(Date.parse(extended.expiresAt)).toBeGreaterThan(
      Date.parse(environment.expiresAt) + 2 * 24 * 3600_000,
    );
    await expect(p.extend(CLUSTER, name, '30d')).rejects.toThrow(
      'longer than the maximum 7d',
    );
    await p.delete(CLUSTER, name);
    await waitUntilGone(name);
  });
});

describe('reaper on a real API server', () => {
  it('deletes an expired managed environment and leaves an expired-looking unmanaged namespace alone', async () => {
    const expired = uniqueName('it-reap');
    const lookalike = uniqueName('it-lookalike');
    const keeper = uniqueName('it-keep');
    createdNamespaces.add(lookalike);
    const { provisioner: p } = provisioner();
    await p.create(request(expired, { ttl: '1m' }));
    await p.create(request(keeper, { ttl: '1h' }));
    // Labels and annotations that look expired, but no managed-by label: not ours.
    await bed.core.createNamespace({
      body: {
        metadata: {
          name: lookalike,
          labels: {
            'kubeplatform.io/environment': lookalike,
            'kubeplatform.io/expires': '1',
          },
          annotations: {
            'kubeplatform.io/owner': 'user:default/alice',
            'kubeplatform.io/expires-at': '2000-01-01T00:00:00Z',
          },
        },
      },
    });

    const report = await reapEnvironments(
      provisionerSeeing(p, [expired, keeper, lookalike]),
      new Date(Date.now() + 5 * 60_000),
    );
    expect(report.deleted).toContain(`${CLUSTER}/${expired}`);
    expect(report.deleted).not.toContain(`${CLUSTER}/${keeper}`);
    expect(report.deleted).not.toContain(`${CLUSTER}/${lookalike}`);
    await waitUntilGone(expired);
    expect(
      (await readNamespace(lookalike))?.metadata?.deletionTimestamp,
    ).toBeUndefined();
    expect((await p.get(CLUSTER, keeper)).status).toBe('ready');

    await bed.core.deleteNamespace({ name: lookalike });
    await p.delete(CLUSTER, keeper);
    await waitUntilGone(keeper);
  });

  it('applies sleep schedules: sleeps in the window and wakes after it', async () => {
    const name = uniqueName('it-sched');
    const { provisioner: p } = provisioner();
    await p.create(
      request(name, {
        ttl: '2d',
        sleepSchedule: { sleepAt: '19:00', wakeAt: '08:00', timezone: 'UTC' },
      }),
    );
    // The next 22:00 UTC, inside the sleep window and before the expiry.
    const night = new Date();
    night.setUTCHours(22, 0, 0, 0);
    if (night.getTime() < Date.now()) night.setUTCDate(night.getUTCDate() + 1);
    const first = await reapEnvironments(provisionerSeeing(p, [name]), night);
    expect(first.slept).toContain(`${CLUSTER}/${name}`);
    expect((await p.get(CLUSTER, name)).sleptBy).toBe('schedule');

    const morning = new Date(night.getTime() + 12 * 3600_000);
    const second = await reapEnvironments(
      provisionerSeeing(p, [name]),
      morning,
    );
    expect(second.woke).toContain(`${CLUSTER}/${name}`);
    expect((await p.get(CLUSTER, name)).status).toBe('ready');

    await p.delete(CLUSTER, name);
    await waitUntilGone(name);
  });
});

/** A TCP proxy to the API server that the test can cut, to make a cluster unreachable mid-create. */
async function cuttableProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer(client => {
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    cut: () => {
      server.close();
      sockets.forEach(s => s.destroy());
    },
  };
}

describe('faults on a real API server', () => {
  it('reports a cluster that becomes unreachable mid-create, and the reaper cleans up after', async () => {
    const name = uniqueName('it-cut');
    const server = new URL(bed.fleet.cluster(CLUSTER).server);
    const proxy = await cuttableProxy(server);
    const viaProxy = () => {
      const kc = bed.fleet.cluster(CLUSTER).kubeConfig();
      const cluster = kc.getCurrentCluster()!;
      kc.clusters = kc.clusters.map(c =>
        c.name === cluster.name
          ? { ...c, server: `https://127.0.0.1:${proxy.port}` }
          : c,
      );
      return kc;
    };
    const { provisioner: cut } = provisioner({ kubeConfig: viaProxy });
    const error = await cut
      .create(request(name), {
        progress: line => {
          if (line.startsWith('Applying NetworkPolicy')) proxy.cut();
        },
      })
      .catch(e => e);
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.cause).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toContain('cluster unreachable');
    expect(error.message).toContain(
      'rollback incomplete, the reaper will remove the rest',
    );

    // The half-made environment says so, and the reaper removes it once it is stale.
    const { provisioner: p } = provisioner();
    expect(['provisioning', 'failed']).toContain(
      (await p.get(CLUSTER, name)).status,
    );
    const report = await reapEnvironments(
      provisionerSeeing(p, [name]),
      new Date(Date.now() + 20 * 60_000),
    );
    expect(report.deleted).toContain(`${CLUSTER}/${name}`);
    await waitUntilGone(name);
  });
});

describe('environment-claim class on a real API server', () => {
  it('becomes Ready through the composition simulator and returns its connection info', async () => {
    const name = uniqueName('it-claim');
    const { provisioner: p } = provisioner();
    const progress: string[] = [];
    const { environment } = await p.create(
      request(name, {
        class: 'environment-claim',
        parameters: { installInfra: true },
      }),
      { progress: line => progress.push(line) },
    );
    expect(environment).toMatchObject({
      status: 'ready',
      class: 'environment-claim',
      namespace: 'default',
      connection: {
        kind: 'secret',
        secretRef: { namespace: 'default', name: `${name}-connection` },
      },
    });
    expect(progress).toContain(`Creating Environment default/${name}`);
    expect(progress).toContain(`Environment ${name} is Ready`);

    const details = await p.readConnectionSecret(CLUSTER, name);
    expect(details.data).toMatchObject({
      installInfra: 'true',
      url: expect.stringContaining(name),
    });

    await p.delete(CLUSTER, name);
    await expect(p.get(CLUSTER, name)).rejects.toThrow(
      /No environment|deleting/,
    );
    // The shared namespace the claim lived in is left alone.
    expect(
      (await readNamespace('default'))?.metadata?.deletionTimestamp,
    ).toBeUndefined();
  });

  it('rolls back the claim when it does not become Ready in time, leaving its namespace', async () => {
    const name = uniqueName('it-claim-slow');
    const { provisioner: p } = provisioner({ claimTimeout: '1s' });
    const error = await p
      .create(request(name, { class: 'environment-claim' }))
      .catch(e => e);
    // The failure is wrapped: the rollback in the message, the timeout as its cause.
    expect(error.message).toMatch(/rolled back 1 object/);
    expect(error.message).toMatch(/did not become Ready within 1s/);
    expect(error.cause?.message).toMatch(/did not become Ready within 1s/);
    await expect(p.get(CLUSTER, name)).rejects.toThrow(/No environment/);
    expect(
      (await readNamespace('default'))?.metadata?.deletionTimestamp,
    ).toBeUndefined();
  });
});

describe('a resource-template class with a namespace of its own', () => {
  it('creates the namespace and the claim, sleeps and wakes its workloads, and deletes both', async () => {
    const name = uniqueName('it-iso');
    const namespace = `claim-${name}`;
    createdNamespaces.add(namespace);
    const { provisioner: p } = provisioner();
    const { environment } = await p.create(
      request(name, { class: 'isolated-claim' }),
    );
    expect(environment).toMatchObject({
      status: 'ready',
      namespace,
      connection: {
        kind: 'vcluster',
        command: `vcluster connect ${name} -n ${namespace}`,
      },
    });
    const apps = bed.admin.makeApiClient(AppsV1Api);
    const labels = { app: 'vcluster' };
    await apps.createNamespacedStatefulSet({
      namespace,
      body: {
        metadata: { name: name },
        spec: {
          replicas: 1,
          serviceName: name,
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: {
              containers: [{ name: 'syncer', image: 'loftsh/vcluster:0.24' }],
            },
          },
        },
      },
    });
    expect((await p.sleep(CLUSTER, name)).status).toBe('sleeping');
    expect(
      (await apps.readNamespacedStatefulSet({ name, namespace })).spec
        ?.replicas,
    ).toBe(0);
    expect((await p.wake(CLUSTER, name)).status).toBe('ready');
    expect(
      (await apps.readNamespacedStatefulSet({ name, namespace })).spec
        ?.replicas,
    ).toBe(1);

    // The shared-namespace claim class cannot sleep: it would scale other people's workloads.
    const shared = uniqueName('it-shared');
    await p.create(request(shared, { class: 'environment-claim' }));
    await expect(p.sleep(CLUSTER, shared)).rejects.toThrow(
      'does not support sleep: its environments do not have a namespace of their own',
    );
    await p.delete(CLUSTER, shared);

    await p.delete(CLUSTER, name);
    await waitUntilGone(namespace);
  });
});
