import { CoreV1Api } from '@kubernetes/client-node';
import { readAuditedRequests } from './auditLog';
import { loadLocalFleet } from './localFleet';

jest.setTimeout(30_000);

it('records each backstage-reader request in the audit log, and not our health checks', async () => {
  const fleet = await loadLocalFleet();
  const prod = fleet.cluster('prod-us');
  const since = new Date(Date.now() - 1000);
  const marker = `audit-probe=${Date.now().toString(36)}`;
  const reader = prod.tokenKubeConfig('reader').makeApiClient(CoreV1Api);
  await reader.listNamespacedPod({
    namespace: 'discovery',
    labelSelector: marker,
  });
  await loadLocalFleet(); // health checks use the admin certificate

  const username = 'system:serviceaccount:kubeplatform:backstage-reader';
  let mine: ReturnType<typeof readAuditedRequests> = [];
  for (let i = 0; i < 20 && mine.length === 0; i++) {
    mine = readAuditedRequests(prod.auditLogPath, { username, since }).filter(
      r => decodeURIComponent(r.requestURI).includes(marker),
    );
    if (mine.length === 0) await new Promise(r => setTimeout(r, 500));
  }
  expect(mine).toEqual([
    expect.objectContaining({
      verb: 'list',
      resource: 'pods',
      namespace: 'discovery',
      code: 200,
      complete: true,
    }),
  ]);
  const all = readAuditedRequests(prod.auditLogPath, { username, since });
  expect(all.filter(r => r.requestURI.startsWith('/readyz'))).toEqual([]);
  expect(
    all.filter(r => r.requestURI === '/api/v1/namespaces/kube-system'),
  ).toEqual([]);
});
