import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  NetworkingV1Api,
  V1Namespace,
} from '@kubernetes/client-node';
import {
  ENVIRONMENT_LABEL,
  EXPIRES_AT_ANNOTATION,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  OWNER_ANNOTATION,
  SLEEP_SCHEDULE_ANNOTATION,
} from '@kubeplatform/clusters-common';
import { testSettings } from '../__fixtures__/settings';
import { observedProvisioner, useFleet } from '../__testUtils__/fleetTestbed';
import {
  fleetClusters,
  FleetProvisionerOptions,
  provisionerSeeing,
  startTarpit,
  uniqueName,
} from '../testUtils';
import { parseDevenvSettings } from '../config/readDevenvSettings';
import { reapEnvironments } from './reapEnvironments';

/*
 * Issue 11, write side: attacks on environments through the provisioner, against the real
 * local fleet. Each test says what an attacker tries and asserts that nothing else changed.
 */

const CLUSTER = 'dev-eu';
jest.setTimeout(90_000);

let apps: AppsV1Api;
const bed = useFleet(CLUSTER, ({ admin }) => {
  apps = admin.makeApiClient(AppsV1Api);
});
const { cleanup, request } = bed;

function provisioner(options: FleetProvisionerOptions = {}) {
  return observedProvisioner(bed.fleet, options);
}

async function readNamespace(name: string): Promise<V1Namespace | undefined> {
  return bed.core.readNamespace({ name }).catch(() => undefined);
}

function deployment(name: string, namespace: string) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name: 'app',
              image: 'registry.example.com/app:1',
              resources: {
                requests: { cpu: '10m', memory: '16Mi' },
                limits: { cpu: '10m', memory: '16Mi' },
              },
            },
          ],
        },
      },
    },
  };
}

describe('finding 1: identity, not names', () => {
  it('attack: a decoy anchor in another place leaves the real environment untouched through a reaper run', async () => {
    const victim = uniqueName('atk-victim');
    const decoy = uniqueName('atk-decoy');
    const { provisioner: p, logger } = provisioner();
    await p.create(request(victim));
    await apps.createNamespacedDeployment({
      namespace: victim,
      body: deployment('web', victim),
    });

    // A Namespace (the anchor kind) of another name that claims to be the victim's
    // environment, expired long ago and with a sleep schedule that always applies.
    cleanup.add(decoy);
    await bed.core.createNamespace({
      body: {
        metadata: {
          name: decoy,
          labels: {
            [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
            [ENVIRONMENT_LABEL]: victim,
          },
          annotations: {
            [OWNER_ANNOTATION]: 'user:default/mallory',
            [EXPIRES_AT_ANNOTATION]: '2000-01-01T00:00:00.000Z',
            // Asleep all day on every day not listed, that is every day.
            [SLEEP_SCHEDULE_ANNOTATION]: JSON.stringify({
              sleepAt: '00:00',
              wakeAt: '00:01',
              timezone: 'UTC',
              days: [],
            }),
          },
        },
      },
    });

    const listed = await p.list({ cluster: CLUSTER });
    expect(
      listed.items.filter(env => env.name === victim).map(env => env.namespace),
    ).toEqual([victim]);
    await reapEnvironments(provisionerSeeing(p, [victim, decoy]));

    const real = await readNamespace(victim);
    expect(real?.metadata?.deletionTimestamp).toBeUndefined();
    expect(real?.metadata?.annotations?.['kubeplatform.io/sleeping']).toBe(
      undefined,
    );
    const web = await apps.readNamespacedDeployment({
      name: 'web',
      namespace: victim,
    });
    expect(web.spec?.replicas).toBe(2);
    // The decoy is ignored, and logged.
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(`Namespace ${decoy}`),
    );

    await p.delete(CLUSTER, victim);
  });
});

describe('finding 3: apply gives no more than the environment owner has', () => {
  const env = uniqueName('atk-apply');
  const source = 'k8s/attack.yaml';
  const configMap = (name: string) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name },
    data: { a: 'b' },
  });

  beforeAll(async () => {
    await provisioner().provisioner.create(request(env));
  });

  afterAll(async () => {
    await provisioner()
      .provisioner.delete(CLUSTER, env)
      .catch(() => undefined);
  });

  async function quotaPods(): Promise<string | undefined> {
    const quota = await bed.readQuota(env);
    return quota.spec?.hard?.pods;
  }

  async function configMapExists(name: string): Promise<boolean> {
    return bed.core
      .readNamespacedConfigMap({ name, namespace: env })
      .then(() => true)
      .catch(() => false);
  }

  const refused: Array<[string, Record<string, unknown>]> = [
    [
      'a guardrail-named object (devenv-quota)',
      {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'devenv-quota' },
        spec: { hard: { pods: '10000' } },
      },
    ],
    [
      'a guardrail-named object (devenv-owner)',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'devenv-owner' },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'edit',
        },
        subjects: [
          {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'Group',
            name: 'system:authenticated',
          },
        ],
      },
    ],
    [
      'a reserved kubeplatform.io/ label',
      {
        ...configMap('atk-labelled'),
        metadata: {
          name: 'atk-labelled',
          labels: { [ENVIRONMENT_LABEL]: 'someone-else' },
        },
      },
    ],
    [
      'a reserved kubeplatform.io/ annotation',
      {
        ...configMap('atk-annotated'),
        metadata: {
          name: 'atk-annotated',
          annotations: { [OWNER_ANNOTATION]: 'user:default/mallory' },
        },
      },
    ],
    [
      'an anchor kind (Environment claim)',
      {
        apiVersion: 'salaboy.com/v1alpha1',
        kind: 'Environment',
        metadata: { name: 'atk-claim' },
        spec: {},
      },
    ],
    [
      'a cluster-scoped kind (ClusterRoleBinding)',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'atk-crb' },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'cluster-admin',
        },
        subjects: [],
      },
    ],
    [
      'a disallowed kind (Flux HelmRelease)',
      {
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        metadata: { name: 'atk-release' },
        spec: {},
      },
    ],
  ];

  it.each(refused)(
    'attack: apply of %s is refused before anything is applied',
    async (_what, object) => {
      const { provisioner: p } = provisioner();
      const innocent = uniqueName('atk-cm');
      const error = await p
        .applyManifests(CLUSTER, env, [
          { object: configMap(innocent), source },
          { object, source },
        ])
        .catch(e => e);
      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(/^Nothing was applied/);
      expect(await configMapExists(innocent)).toBe(false);
      expect(await quotaPods()).toBe('20');
    },
  );

  it('attack: apply runs as the environment, so Kubernetes RBAC refuses what the owner may not do', async () => {
    // Even an admin who allow-lists ResourceQuota cannot let an owner raise their own quota:
    // the owner's role (edit) may not write quotas, and apply uses the owner's identity.
    const base = testSettings();
    const settings = parseDevenvSettings({
      sizes: base.sizes,
      classes: base.classes,
      apply: { allowedKinds: ['v1/ConfigMap', 'v1/ResourceQuota'] },
    });
    const { provisioner: p } = provisioner({ settings });
    const error = await p
      .applyManifests(CLUSTER, env, [
        {
          object: {
            apiVersion: 'v1',
            kind: 'ResourceQuota',
            metadata: { name: 'more-pods' },
            spec: { hard: { pods: '10000' } },
          },
          source,
        },
      ])
      .catch(e => e);
    expect(error.name).toBe('NotAllowedError');
    expect(error.message).toMatch(/forbidden/i);
    await expect(
      bed.core.readNamespacedResourceQuota({
        name: 'more-pods',
        namespace: env,
      }),
    ).rejects.toThrow();

    // What the owner may do goes through, under a field manager of its own.
    const name = uniqueName('atk-ok');
    await p.applyManifests(CLUSTER, env, [{ object: configMap(name), source }]);
    const applied = await bed.core.readNamespacedConfigMap({
      name,
      namespace: env,
    });
    expect(applied.metadata?.managedFields?.map(f => f.manager)).toEqual([
      'kubeplatform-environment',
    ]);
  });

  it('attack: a container image with a newline (an injected document) is refused before anything is applied', async () => {
    const { provisioner: p } = provisioner();
    const object = deployment('atk-image', env);
    object.spec.template.spec.containers[0].image =
      'nginx:1\n---\nkind: Namespace';
    const error = await p
      .applyManifests(CLUSTER, env, [{ object, source }])
      .catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(/image/);
    await expect(
      apps.readNamespacedDeployment({ name: 'atk-image', namespace: env }),
    ).rejects.toThrow();
  });
});

describe('finding 5: environment namespaces are hard', () => {
  it('attack: a privileged pod created with the issued kubeconfig is rejected by Pod Security admission', async () => {
    const name = uniqueName('atk-psa');
    const { provisioner: p } = provisioner();
    await p.create(request(name));
    const ns = await readNamespace(name);
    expect(ns?.metadata?.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'baseline',
    });

    const issued = await p.issueKubeconfig(CLUSTER, name);
    const kc = new KubeConfig();
    kc.loadFromString(issued.kubeconfig);
    const asOwner = kc.makeApiClient(CoreV1Api);
    const error = await asOwner
      .createNamespacedPod({
        namespace: name,
        body: {
          metadata: { name: 'atk-privileged' },
          spec: {
            hostPID: true,
            containers: [
              {
                name: 'root',
                image: 'busybox',
                securityContext: { privileged: true },
              },
            ],
          },
        },
      })
      .catch(e => e);
    expect(error?.code).toBe(403);
    expect(JSON.parse(error.body).message).toMatch(
      /violates PodSecurity "baseline:latest": host namespaces \(hostPID=true\), privileged/,
    );

    await p.delete(CLUSTER, name);
  });

  it('attack: guardrails deny egress except DNS, forbid NodePort and LoadBalancer services, and trust peers by label', async () => {
    const name = uniqueName('atk-guard');
    const { provisioner: p } = provisioner();
    await p.create(request(name));
    const policy = await bed.admin
      .makeApiClient(NetworkingV1Api)
      .readNamespacedNetworkPolicy({
        name: 'devenv-isolation',
        namespace: name,
      });
    expect(policy.spec?.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.spec?.egress).toEqual([
      {
        ports: [
          { port: 53, protocol: 'UDP' },
          { port: 53, protocol: 'TCP' },
        ],
      },
      { to: [{ podSelector: {} }] },
    ]);
    // A namespace called ingress-nginx is no peer; a namespace the admin labelled is.
    const peers = policy.spec?.ingress?.[0]._from ?? [];
    for (const peer of peers) {
      expect(
        peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'],
      ).toBeUndefined();
    }
    expect(peers).toContainEqual({
      namespaceSelector: {
        matchLabels: { 'kubeplatform.io/network-peer': 'ingress-nginx' },
      },
    });
    const quota = await bed.readQuota(name);
    expect(quota.spec?.hard).toMatchObject({
      'services.nodeports': '0',
      'services.loadbalancers': '0',
    });

    await p.delete(CLUSTER, name);
  });

  it.each(['ingress-nginx', 'monitoring', 'cert-manager', 'kube-system'])(
    'attack: the platform namespace name %s is refused with a clear 4xx',
    async name => {
      const { provisioner: p } = provisioner();
      const error = await p
        .plan({ ...request(name), owner: 'user:default/alice' })
        .catch(e => e);
      cleanup.delete(name);
      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(/reserved/);
    },
  );
});

describe('finding 6: connection secrets are trusted by ownership, not by name', () => {
  it('attack: a foreign secret with the claim connection secret name is not returned', async () => {
    const name = uniqueName('atk-claim');
    // Someone else's secret already has the name the claim's connection secret will have.
    await bed.core.createNamespacedSecret({
      namespace: 'default',
      body: {
        metadata: { name: `${name}-connection` },
        stringData: { password: 'not-yours' },
      },
    });
    const { provisioner: p } = provisioner();
    try {
      await p.create({
        ...request(name, { class: 'environment-claim' }),
      });
      cleanup.delete(name);
      const error = await p.readConnectionSecret(CLUSTER, name).catch(e => e);
      expect(error.name).toBe('NotAllowedError');
      expect(error.message).not.toContain('not-yours');
      expect(JSON.stringify(error)).not.toContain('not-yours');
    } finally {
      await p.delete(CLUSTER, name).catch(() => undefined);
      await bed.core
        .deleteNamespacedSecret({
          name: `${name}-connection`,
          namespace: 'default',
        })
        .catch(() => undefined);
    }
  });
});

describe('finding 7: a hanging cluster does not stall devenv', () => {
  it('attack: a cluster that accepts connections and never answers leaves the environment list answering within its timeout, with that cluster marked', async () => {
    const tarpit = await startTarpit();
    const hanging = fleetClusters(bed.fleet, {}, [tarpit]);
    const { provisioner: p } = provisioner({ clusters: hanging });
    try {
      const started = Date.now();
      const result = await Promise.race([
        p.list(),
        new Promise<'stalled'>(resolve =>
          setTimeout(() => resolve('stalled'), 20_000),
        ),
      ]);
      // The default cluster call timeout is 10 s.
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(result).toMatchObject({
        errors: [
          { cluster: 'tarpit', message: expect.stringMatching(/timed out/) },
        ],
      });
    } finally {
      tarpit.close();
    }
  });
});
