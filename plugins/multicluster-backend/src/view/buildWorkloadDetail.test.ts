import type {
  ClusterIdentity,
  TrimmedDeployment,
} from '@kubeplatform/clusters-common';
import type { CacheReader } from '@kubeplatform/clusters-node';
import { parseLabelSelector } from '../entities/labelSelector';
import { buildWorkloadDetail } from './buildWorkloadDetail';
import { inMemoryCacheReader } from '../__testUtils__/inMemoryCacheReader';

const deployment: TrimmedDeployment = {
  metadata: {
    name: 'web',
    namespace: 'shop',
    uid: 'u-1',
    labels: { app: 'web' },
  },
  spec: { replicas: 1, selector: { matchLabels: { app: 'web' } } },
};

/** A cache holding one Deployment and nothing else. */
const readerWith = (identity: ClusterIdentity): CacheReader =>
  inMemoryCacheReader(identity, { deployments: [deployment] });

const ref = { kind: 'Deployment', namespace: 'shop', name: 'web' };
const query = { selector: parseLabelSelector('app=web') };

describe('buildWorkloadDetail', () => {
  it("carries the workload's dashboard link for the cluster's dashboardApp", () => {
    const detail = buildWorkloadDetail(
      readerWith({
        name: 'prod',
        dashboardApp: 'openshift',
        dashboardUrl: 'https://console.example',
      }),
      query,
      ref,
      new Date(),
    );
    expect(detail?.workload.name).toBe('web');
    expect(detail?.dashboardLink).toBe(
      'https://console.example/k8s/ns/shop/deployments/web',
    );
  });

  it('has no dashboard link without a dashboardApp, or with a non-http dashboardUrl', () => {
    for (const identity of [
      { name: 'prod', dashboardUrl: 'https://console.example' },
      {
        name: 'prod',
        dashboardApp: 'standard',
        // eslint-disable-next-line no-script-url
        dashboardUrl: 'javascript:alert(1)',
      },
    ]) {
      const detail = buildWorkloadDetail(
        readerWith(identity),
        query,
        ref,
        new Date(),
      );
      expect(detail?.workload.name).toBe('web');
      expect(detail).not.toHaveProperty('dashboardLink');
    }
  });
});
