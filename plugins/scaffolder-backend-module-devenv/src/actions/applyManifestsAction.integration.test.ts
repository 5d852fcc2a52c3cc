import { AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import type { EnvironmentProvisioner } from '@kubeplatform/plugin-devenv-node';
import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { BASKET_HPA } from './__fixtures__/basketManifests';
import { fleetActions } from './__testUtils__/fleetActions';
import { initiatorContext, outputsOf } from './__testUtils__/initiatorContext';

jest.setTimeout(60_000);
const CLUSTER = 'dev-eu';
let fleet: LocalFleet;
let provisioner: EnvironmentProvisioner;
let action: ReturnType<typeof fleetActions>['apply'];
const name = `it-apply-${Date.now().toString(36)}`;
let workspacePath: string;

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: basket
  labels: { backstage.io/kubernetes-id: basket }
spec:
  replicas: 0
  selector:
    matchLabels: { app.kubernetes.io/name: basket }
  template:
    metadata:
      labels: { app.kubernetes.io/name: basket }
    spec:
      containers:
        - name: basket
          image: nginx:1.27
          resources:
            requests: { cpu: 50m, memory: 64Mi }
            limits: { cpu: 200m, memory: 64Mi }
---
apiVersion: v1
kind: Service
metadata:
  name: basket
spec:
  selector: { app.kubernetes.io/name: basket }
  ports: [{ name: http, port: 80, targetPort: 8080 }]
---
${BASKET_HPA}`;

beforeAll(async () => {
  fleet = await loadLocalFleet();
  ({ provisioner, apply: action } = fleetActions(fleet, {
    groups: { 'user:default/alice': ['group:default/team-a'] },
  }));
  await provisioner.create({
    name,
    cluster: CLUSTER,
    class: 'namespace',
    owner: 'group:default/team-a',
    ttl: '1h',
  });
  workspacePath = await fs.mkdtemp(join(tmpdir(), 'devenv-apply-it-'));
  await fs.mkdir(join(workspacePath, 'k8s'));
  await fs.writeFile(join(workspacePath, 'k8s', 'basket.yaml'), MANIFESTS);
});

afterAll(async () => {
  await provisioner?.delete(CLUSTER, name).catch(() => undefined);
  if (workspacePath) {
    await fs.rm(workspacePath, { recursive: true, force: true });
  }
});

function context(user: string) {
  return initiatorContext(
    user,
    { cluster: CLUSTER, name, manifests: './k8s' },
    workspacePath,
  );
}

it('applies every document into the environment namespace for a group member, and refuses others', async () => {
  const kubeConfig = fleet.cluster(CLUSTER).kubeConfig();
  const apps = kubeConfig.makeApiClient(AppsV1Api);
  const core = kubeConfig.makeApiClient(CoreV1Api);

  const bob = context('user:default/bob');
  await expect(action.handler(bob.ctx)).rejects.toThrow(
    `You may not apply manifests to environment ${CLUSTER}/${name}: it is owned by group:default/team-a`,
  );
  expect(bob.checkpoints).toEqual([]);
  await expect(
    apps.readNamespacedDeployment({ name: 'basket', namespace: name }),
  ).rejects.toThrow();

  const alice = context('user:default/alice');
  await action.handler(alice.ctx);
  expect(alice.checkpoints).toEqual([
    `kubeplatform.devenv.apply.${CLUSTER}.${name}`,
  ]);
  expect(alice.logs).toEqual(
    expect.arrayContaining([
      `Applying Deployment ${name}/basket`,
      `Applying Service ${name}/basket`,
      `Applying HorizontalPodAutoscaler ${name}/basket`,
    ]),
  );
  const outputs = outputsOf(alice.ctx);
  expect(outputs).toEqual({
    namespace: name,
    applied: [
      { kind: 'Deployment', name: 'basket' },
      { kind: 'Service', name: 'basket' },
      { kind: 'HorizontalPodAutoscaler', name: 'basket' },
    ],
  });
  const deployment = await apps.readNamespacedDeployment({
    name: 'basket',
    namespace: name,
  });
  // Applied as the environment, under a field manager that is not the provisioner's.
  expect(deployment.metadata?.managedFields?.map(f => f.manager)).toContain(
    'kubeplatform-environment',
  );
  expect(
    deployment.metadata?.managedFields?.find(
      f => f.manager === 'kubeplatform-environment',
    )?.operation,
  ).toBe('Apply');
  const service = await core.readNamespacedService({
    name: 'basket',
    namespace: name,
  });
  expect(service.spec?.ports?.[0].port).toBe(80);

  // Applying the same manifests again is a no-op, not a conflict.
  const again = context('user:default/alice');
  await action.handler(again.ctx);
  expect(outputsOf(again.ctx).applied).toHaveLength(3);
});
