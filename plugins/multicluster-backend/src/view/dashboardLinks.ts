/**
 * Deep links into a cluster's own dashboard, one per Kubernetes object. The URL shapes copy the
 * upstream formatters of @backstage/plugin-kubernetes-react (api/formatters/*ClusterLinksFormatter),
 * so a `dashboardApp` configured for upstream links to the same pages here.
 */
export interface DashboardLinkInput {
  /** `standard`, `rancher`, `openshift`, `aks`, `eks`, `gke` or `headlamp`. */
  dashboardApp?: string;
  dashboardUrl?: string;
  dashboardParameters?: Record<string, unknown>;
  object: {
    kind: string;
    namespace: string;
    name: string;
    /** AKS puts these in its link. */
    uid?: string;
    selector?: unknown;
  };
}

function baseUrl(dashboardUrl: string | undefined): URL | undefined {
  if (!dashboardUrl) return undefined;
  const url = new URL(dashboardUrl);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/**
 * The object's name and namespace as they go into a URL, and the dashboard's name for its kind
 * (undefined when `kinds` has none).
 */
function encoded(
  object: DashboardLinkInput['object'],
  kinds: Record<string, string>,
) {
  return {
    name: encodeURIComponent(object.name),
    namespace: encodeURIComponent(object.namespace),
    validKind: kinds[object.kind.toLowerCase()],
  };
}

type Formatter = (input: DashboardLinkInput) => URL | undefined;

/**
 * A formatter for a dashboard whose pages sit under its `dashboardUrl`: `pathOf` tells the
 * object's page, relative to it.
 */
function pageUnderDashboard(
  kinds: Record<string, string>,
  pathOf: (object: ReturnType<typeof encoded>) => string,
): Formatter {
  return ({ dashboardUrl, object }) => {
    const base = baseUrl(dashboardUrl);
    return base && new URL(pathOf(encoded(object, kinds)), base);
  };
}

/**
 * A formatter for a dashboard that `dashboardParameters` locate: no link unless each of `names`
 * is a string; `linkOf` makes it from them.
 */
function pageFromParameters<K extends string>(
  names: K[],
  linkOf: (
    parameters: Record<K, string>,
    object: DashboardLinkInput['object'],
  ) => URL,
): Formatter {
  return ({ dashboardParameters, object }) => {
    const values = names.map(name => dashboardParameters?.[name]);
    if (!values.every(value => typeof value === 'string')) return undefined;
    const parameters = Object.fromEntries(
      names.map((name, i) => [name, values[i]]),
    ) as Record<K, string>;
    return linkOf(parameters, object);
  };
}

const standardKinds: Record<string, string> = {
  deployment: 'deployment',
  pod: 'pod',
  ingress: 'ingress',
  service: 'service',
  horizontalpodautoscaler: 'deployment',
  statefulset: 'statefulset',
};

function standardLink({ dashboardUrl, object }: DashboardLinkInput) {
  const result = baseUrl(dashboardUrl);
  if (!result) return undefined;
  const { name, namespace, validKind } = encoded(object, standardKinds);
  if (validKind && name && namespace) {
    result.hash = `/${validKind}/${namespace}/${name}`;
  } else if (namespace) {
    result.hash = '/workloads';
  }
  if (namespace) result.hash += `?namespace=${namespace}`;
  return result;
}

const rancherKinds: Record<string, string> = {
  deployment: 'apps.deployment',
  ingress: 'networking.k8s.io.ingress',
  service: 'service',
  horizontalpodautoscaler: 'autoscaling.horizontalpodautoscaler',
};

const rancherLink = pageUnderDashboard(
  rancherKinds,
  ({ name, namespace, validKind }) => {
    if (validKind && name && namespace) {
      return `explorer/${validKind}/${namespace}/${name}`;
    }
    return namespace ? 'explorer/workload' : '';
  },
);

const openshiftKinds: Record<string, string> = {
  deployment: 'deployments',
  ingress: 'ingresses',
  service: 'services',
  horizontalpodautoscaler: 'horizontalpodautoscalers',
  persistentvolume: 'persistentvolumes',
};

const openshiftLink = pageUnderDashboard(
  openshiftKinds,
  ({ name, namespace, validKind }) => {
    if (namespace) {
      return name && validKind
        ? `k8s/ns/${namespace}/${validKind}/${name}`
        : `k8s/cluster/projects/${namespace}`;
    }
    return validKind ? `k8s/cluster/${validKind}${name ? `/${name}` : ''}` : '';
  },
);

const AKS_BASE =
  'https://portal.azure.com/#blade/Microsoft_Azure_ContainerService/AksK8ResourceMenuBlade/overview-Deployment/aksClusterId';

const aksLink = pageFromParameters(
  ['subscriptionId', 'resourceGroup', 'clusterName'],
  ({ subscriptionId, resourceGroup, clusterName }, object) => {
    const path = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${clusterName}`;
    const params = {
      kind: object.kind,
      metadata: {
        name: object.name,
        namespace: object.namespace,
        uid: object.uid,
      },
      spec: { selector: object.selector },
    };
    return new URL(
      `${AKS_BASE}/${encodeURIComponent(path)}/resource/${encodeURIComponent(
        JSON.stringify(params),
      )}`,
    );
  },
);

const gkeKinds: Record<string, string> = {
  deployment: 'deployment',
  pod: 'pod',
  ingress: 'ingress',
  service: 'service',
  horizontalpodautoscaler: 'deployment',
};

const gkeLink = pageFromParameters(
  ['projectId', 'region', 'clusterName'],
  ({ projectId, region, clusterName }, object) => {
    const { name, namespace, validKind } = encoded(object, gkeKinds);
    const r = encodeURIComponent(region);
    const c = encodeURIComponent(clusterName);
    let path: string;
    if (namespace && name && validKind) {
      const landingPage = ['ingress', 'pod'].includes(validKind)
        ? 'details'
        : 'overview';
      path = `kubernetes/${validKind}/${r}/${c}/${namespace}/${name}/${landingPage}`;
    } else {
      path = `kubernetes/clusters/details/${r}/${c}/details`;
    }
    // Upstream adds `authuser` from the signed-in Google profile; a backend has no such profile.
    const result = new URL(path, 'https://console.cloud.google.com/');
    result.searchParams.set('project', projectId);
    return result;
  },
);

const headlampNamespacedPaths: Record<string, string> = {
  pod: 'pods',
  deployment: 'deployments',
  replicaset: 'replicasets',
  statefulset: 'statefulsets',
  daemonset: 'daemonsets',
  job: 'jobs',
  cronjob: 'cronjobs',
  service: 'services',
  ingress: 'ingresses',
  configmap: 'configmaps',
  secret: 'secrets',
  serviceaccount: 'serviceaccounts',
  role: 'roles',
  rolebinding: 'rolebindings',
  networkpolicy: 'networkpolicies',
  horizontalpodautoscaler: 'horizontalpodautoscalers',
  poddisruptionbudget: 'poddisruptionbudgets',
  persistentvolumeclaim: 'storage/persistentvolumeclaims',
};

function headlampLink({
  dashboardUrl,
  dashboardParameters,
  object,
}: DashboardLinkInput) {
  // Upstream's `internal` mode links to the Backstage page's own origin, which only a browser knows.
  if (!dashboardUrl || !object.name || !object.namespace) return undefined;
  const plural = headlampNamespacedPaths[object.kind.toLowerCase()];
  if (!plural) return undefined;
  const clusterName =
    typeof dashboardParameters?.clusterName === 'string'
      ? dashboardParameters.clusterName
      : 'default';
  const result = new URL(dashboardUrl);
  result.searchParams.set(
    'to',
    `/c/${clusterName}/${plural}/${object.namespace}/${object.name}`,
  );
  return result;
}

const formatters = new Map<string, Formatter>([
  ['standard', standardLink],
  ['rancher', rancherLink],
  ['openshift', openshiftLink],
  ['aks', aksLink],
  // Upstream's EKS formatter throws "not yet implemented": there is no EKS page to link to.
  ['eks', () => undefined],
  ['gke', gkeLink],
  ['headlamp', headlampLink],
]);

/** The object's page in the cluster's dashboard, or undefined when there is none to link to. */
export function objectDashboardLink(
  input: DashboardLinkInput,
): string | undefined {
  const format = input.dashboardApp && formatters.get(input.dashboardApp);
  if (!format) return undefined;
  let url: URL | undefined;
  try {
    url = format(input);
  } catch {
    // A malformed dashboardUrl means no link, not a failed drawer.
    return undefined;
  }
  // Dashboard links reach the browser as hrefs: only http(s), never javascript: or data:.
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return undefined;
  }
  return url.href;
}
