import { expect, test } from '@playwright/test';
import { guestToken, openWorkloadDrawer, saveScreenshot } from './helpers';
import { kubectl } from './localClusters';

/**
 * Issue 13's pod terminal, against ./scripts/start's app and the real local clusters: the
 * drawer's Terminal tab runs a command through kwok's exec emulation (ClusterExec) and shows its
 * output; the API refuses a container the pod does not have. The target is checkout in dev-eu,
 * whose pods run (prod-us's crash).
 */

const CLUSTER = 'dev-eu';
const WORKLOAD = 'checkout';
const NAMESPACE = 'shop';

function runningPod(): string {
  return kubectl(CLUSTER, [
    'get',
    'pods',
    '-n',
    NAMESPACE,
    '-l',
    `backstage.io/kubernetes-id=${WORKLOAD}`,
    '--field-selector=status.phase=Running',
    '-o',
    'jsonpath={.items[0].metadata.name}',
  ]).trim();
}

test('the Terminal tab runs a command through kwok exec and shows its output', async ({
  page,
}) => {
  const drawer = await openWorkloadDrawer(page, WORKLOAD, CLUSTER);
  await drawer.getByRole('tab', { name: 'Terminal' }).click();

  const terminal = drawer.getByTestId('pod-terminal');
  const connect = terminal.getByRole('button', { name: 'Connect' });
  await expect(connect).toBeEnabled();
  await connect.click();
  await expect(terminal.getByTestId('pod-terminal-state')).toHaveText(
    'Connected',
  );
  const screen = terminal.getByTestId('pod-terminal-screen');
  await screen.click();
  // The shell computes 42; the echoed input only shows "$((6*7))".
  await page.keyboard.type('echo kwok-$((6*7))');
  await page.keyboard.press('Enter');
  await expect(screen).toContainText('kwok-42');
  await saveScreenshot(page, 'multicluster-terminal');

  await page.keyboard.type('exit');
  await page.keyboard.press('Enter');
  await expect(terminal.getByTestId('pod-terminal-state')).toHaveText(
    /^Closed \(1000\)/,
  );
});

test('the API refuses a container the pod does not have, and an unknown pod', async ({
  request,
}) => {
  const headers = { authorization: `Bearer ${await guestToken(request)}` };
  const query = (container: string, pod = runningPod()) =>
    new URLSearchParams({
      entity: `component:default/${WORKLOAD}`,
      cluster: CLUSTER,
      namespace: NAMESPACE,
      pod,
      container,
    });
  const ok = await request.get(
    `/api/multicluster/exec/check?${query(WORKLOAD)}`,
    {
      headers,
    },
  );
  expect(ok.status()).toBe(200);
  const wrong = await request.get(
    `/api/multicluster/exec/check?${query('nope')}`,
    { headers },
  );
  expect(wrong.status()).toBe(400);
  expect((await wrong.json()).error.message).toContain('Unknown container');
  const unknown = await request.get(
    `/api/multicluster/exec/check?${query(WORKLOAD, 'not-a-pod')}`,
    { headers },
  );
  expect(unknown.status()).toBe(404);
});
