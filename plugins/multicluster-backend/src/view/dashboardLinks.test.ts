import { objectDashboardLink } from './dashboardLinks';

const clusters: Record<
  string,
  { dashboardUrl?: string; dashboardParameters?: Record<string, unknown> }
> = {
  standard: { dashboardUrl: 'https://dash.example/k8s' },
  rancher: { dashboardUrl: 'https://rancher.example/dashboard/c/c-1' },
  openshift: { dashboardUrl: 'https://console.example' },
  aks: {
    dashboardParameters: {
      subscriptionId: 'sub',
      resourceGroup: 'rg',
      clusterName: 'prod',
    },
  },
  gke: {
    dashboardParameters: {
      projectId: 'proj',
      region: 'europe-west1',
      clusterName: 'prod',
    },
  },
  headlamp: {
    dashboardUrl: 'https://headlamp.example',
    dashboardParameters: { clusterName: 'prod' },
  },
};

const object = (kind: string) => ({
  kind,
  namespace: 'shop',
  name: 'web',
  uid: 'u-1',
  selector: { matchLabels: { app: 'web' } },
});

/** The link for a Deployment `web` in `shop`, with the cluster fields given. */
const linkFor = (
  cluster: Omit<Parameters<typeof objectDashboardLink>[0], 'object'>,
) => objectDashboardLink({ ...cluster, object: object('Deployment') });

/** The apps whose links are made from the cluster's dashboardUrl. */
const appsUnderDashboardUrl = ['standard', 'rancher', 'openshift', 'headlamp'];

describe('objectDashboardLink', () => {
  // Expected URLs are the output of upstream's own formatters,
  // node_modules/@backstage/plugin-kubernetes-react/dist/api/formatters/*ClusterLinksFormatter.esm.js
  // (the package ships no tests), called with the same cluster and object as each row.
  it.each([
    [
      'standard',
      'Deployment',
      'https://dash.example/k8s/#/deployment/shop/web?namespace=shop',
    ],
    [
      'rancher',
      'Deployment',
      'https://rancher.example/dashboard/c/c-1/explorer/apps.deployment/shop/web',
    ],
    [
      'openshift',
      'Deployment',
      'https://console.example/k8s/ns/shop/deployments/web',
    ],
    [
      'aks',
      'Deployment',
      'https://portal.azure.com/#blade/Microsoft_Azure_ContainerService/AksK8ResourceMenuBlade/overview-Deployment/aksClusterId/%2Fsubscriptions%2Fsub%2FresourceGroups%2Frg%2Fproviders%2FMicrosoft.ContainerService%2FmanagedClusters%2Fprod/resource/%7B%22kind%22%3A%22Deployment%22%2C%22metadata%22%3A%7B%22name%22%3A%22web%22%2C%22namespace%22%3A%22shop%22%2C%22uid%22%3A%22u-1%22%7D%2C%22spec%22%3A%7B%22selector%22%3A%7B%22matchLabels%22%3A%7B%22app%22%3A%22web%22%7D%7D%7D%7D',
    ],
    [
      'gke',
      'Deployment',
      'https://console.cloud.google.com/kubernetes/deployment/europe-west1/prod/shop/web/overview?project=proj',
    ],
    [
      'headlamp',
      'Deployment',
      'https://headlamp.example/?to=%2Fc%2Fprod%2Fdeployments%2Fshop%2Fweb',
    ],
    [
      'standard',
      'StatefulSet',
      'https://dash.example/k8s/#/statefulset/shop/web?namespace=shop',
    ],
    [
      'rancher',
      'StatefulSet',
      'https://rancher.example/dashboard/c/c-1/explorer/workload',
    ],
    [
      'openshift',
      'StatefulSet',
      'https://console.example/k8s/cluster/projects/shop',
    ],
    [
      'aks',
      'StatefulSet',
      'https://portal.azure.com/#blade/Microsoft_Azure_ContainerService/AksK8ResourceMenuBlade/overview-Deployment/aksClusterId/%2Fsubscriptions%2Fsub%2FresourceGroups%2Frg%2Fproviders%2FMicrosoft.ContainerService%2FmanagedClusters%2Fprod/resource/%7B%22kind%22%3A%22StatefulSet%22%2C%22metadata%22%3A%7B%22name%22%3A%22web%22%2C%22namespace%22%3A%22shop%22%2C%22uid%22%3A%22u-1%22%7D%2C%22spec%22%3A%7B%22selector%22%3A%7B%22matchLabels%22%3A%7B%22app%22%3A%22web%22%7D%7D%7D%7D',
    ],
    [
      'gke',
      'StatefulSet',
      'https://console.cloud.google.com/kubernetes/clusters/details/europe-west1/prod/details?project=proj',
    ],
    [
      'headlamp',
      'StatefulSet',
      'https://headlamp.example/?to=%2Fc%2Fprod%2Fstatefulsets%2Fshop%2Fweb',
    ],
    [
      'standard',
      'CronJob',
      'https://dash.example/k8s/#/workloads?namespace=shop',
    ],
    [
      'rancher',
      'CronJob',
      'https://rancher.example/dashboard/c/c-1/explorer/workload',
    ],
    [
      'openshift',
      'CronJob',
      'https://console.example/k8s/cluster/projects/shop',
    ],
    [
      'aks',
      'CronJob',
      'https://portal.azure.com/#blade/Microsoft_Azure_ContainerService/AksK8ResourceMenuBlade/overview-Deployment/aksClusterId/%2Fsubscriptions%2Fsub%2FresourceGroups%2Frg%2Fproviders%2FMicrosoft.ContainerService%2FmanagedClusters%2Fprod/resource/%7B%22kind%22%3A%22CronJob%22%2C%22metadata%22%3A%7B%22name%22%3A%22web%22%2C%22namespace%22%3A%22shop%22%2C%22uid%22%3A%22u-1%22%7D%2C%22spec%22%3A%7B%22selector%22%3A%7B%22matchLabels%22%3A%7B%22app%22%3A%22web%22%7D%7D%7D%7D',
    ],
    [
      'gke',
      'CronJob',
      'https://console.cloud.google.com/kubernetes/clusters/details/europe-west1/prod/details?project=proj',
    ],
    [
      'headlamp',
      'CronJob',
      'https://headlamp.example/?to=%2Fc%2Fprod%2Fcronjobs%2Fshop%2Fweb',
    ],
  ])('%s links a %s like upstream', (dashboardApp, kind, expected) => {
    expect(
      objectDashboardLink({
        dashboardApp,
        ...clusters[dashboardApp],
        object: object(kind),
      }),
    ).toBe(expected);
  });

  it('has no link for eks, whose upstream formatter is not implemented', () => {
    expect(
      objectDashboardLink({
        dashboardApp: 'eks',
        dashboardUrl: 'https://eks.example',
        object: object('Deployment'),
      }),
    ).toBeUndefined();
  });

  it('has no link without a dashboardApp, or for an unknown one', () => {
    for (const dashboardApp of [undefined, 'grafana', 'constructor']) {
      expect(
        linkFor({ dashboardApp, dashboardUrl: 'https://dash.example' }),
      ).toBeUndefined();
    }
  });

  it('has no link when the app lacks its URL or parameters', () => {
    for (const dashboardApp of appsUnderDashboardUrl) {
      expect(linkFor({ dashboardApp })).toBeUndefined();
    }
    expect(
      linkFor({
        dashboardApp: 'gke',
        dashboardParameters: { projectId: 'proj', region: 'europe-west1' },
      }),
    ).toBeUndefined();
    expect(
      linkFor({
        dashboardApp: 'aks',
        dashboardParameters: { subscriptionId: 'sub', resourceGroup: 7 },
      }),
    ).toBeUndefined();
  });

  it('returns only http(s) links', () => {
    for (const dashboardUrl of [
      // eslint-disable-next-line no-script-url
      'javascript:alert(1)',
      'data:text/html,x',
      'not a url',
    ]) {
      for (const dashboardApp of appsUnderDashboardUrl) {
        expect(linkFor({ dashboardApp, dashboardUrl })).toBeUndefined();
      }
    }
    expect(
      linkFor({ dashboardApp: 'standard', dashboardUrl: 'http://dash.local' }),
    ).toBe('http://dash.local/#/deployment/shop/web?namespace=shop');
  });
});
