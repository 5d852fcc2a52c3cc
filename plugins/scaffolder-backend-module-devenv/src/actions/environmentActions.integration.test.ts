import { CoreV1Api } from '@kubernetes/client-node';
import { loadLocalFleet } from '@kubeplatform/local-clusters';
import { fleetActions } from './__testUtils__/fleetActions';
import {
  initiatorContext as context,
  outputsOf,
} from './__testUtils__/initiatorContext';

jest.setTimeout(60_000);
const CLUSTER = 'dev-eu';

it('creates with progress lines and outputs, is a no-op on retry, and only the owner deletes', async () => {
  const name = `it-act-${Date.now().toString(36)}`;
  const fleet = await loadLocalFleet();
  const { create, remove } = fleetActions(fleet, {
    groups: { 'user:default/alice': ['group:default/team-a'] },
  });
  const first = context('user:default/alice', {
    name,
    cluster: CLUSTER,
    class: 'namespace',
    owner: 'group:default/team-a',
    ttl: '1h',
  });
  await create.handler(first.ctx);
  expect(first.checkpoints).toEqual([
    `kubeplatform.devenv.create.${CLUSTER}.${name}`,
  ]);
  expect(first.logs).toEqual(
    expect.arrayContaining([
      `Creating Namespace ${name}`,
      `Applying RoleBinding ${name}/devenv-owner`,
      `Environment ${CLUSTER}/${name} is ready`,
    ]),
  );
  const outputs = outputsOf(first.ctx);
  expect(outputs).toMatchObject({
    environmentRef: `resource:default/${name}.${CLUSTER}`,
    cluster: CLUSTER,
    namespace: name,
    status: 'ready',
    created: true,
    connectCommand: expect.stringContaining(`${name}.kubeconfig`),
  });

  const retry = context('user:default/alice', {
    name,
    cluster: CLUSTER,
    class: 'namespace',
    owner: 'group:default/team-a',
    ttl: '1h',
  });
  await create.handler(retry.ctx);
  const retried = outputsOf(retry.ctx);
  expect(retried.created).toBe(false);
  expect(retried.expiresAt).toBe(outputs.expiresAt);

  const bob = context('user:default/bob', { cluster: CLUSTER, name });
  await expect(remove.handler(bob.ctx)).rejects.toThrow(
    `You may not delete environment ${CLUSTER}/${name}: it is owned by group:default/team-a`,
  );

  const dry = context('user:default/alice', { cluster: CLUSTER, name });
  await remove.handler({ ...dry.ctx, isDryRun: true });
  expect(dry.ctx.output).toHaveBeenCalledWith('deleted', false);

  const alice = context('user:default/alice', { cluster: CLUSTER, name });
  await remove.handler(alice.ctx);
  expect(alice.ctx.output).toHaveBeenCalledWith('deleted', true);
  expect(alice.logs).toContain(`Deleting Namespace ${name}`);

  const core = fleet.cluster(CLUSTER).kubeConfig().makeApiClient(CoreV1Api);
  const ns = await core.readNamespace({ name }).catch(() => undefined);
  expect(ns === undefined || ns.status?.phase === 'Terminating').toBe(true);
});
