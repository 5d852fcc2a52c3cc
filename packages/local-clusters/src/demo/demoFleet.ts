import { KubernetesObject } from '@kubernetes/client-node';
import { DEMO_DRIFT } from './demoTroubles';
import {
  DEMO_NAMESPACES,
  DEMO_SERVICES,
  DemoService,
  KUBERNETES_ID_LABEL,
} from './demoServices';
import { usageAnnotations } from './resourceUsage';
import { SIMULATE_LABEL, Simulation } from './simulations';

type Obj = KubernetesObject & Record<string, unknown>;

/** What differs per cluster for one workload: its tag, replicas, and any simulated trouble. */
interface WorkloadTuning {
  tag: string;
  replicas: number;
  simulate?: Simulation;
  cpuRequest?: string;
  progressDeadlineSeconds?: number;
}

interface HpaTuning {
  minReplicas: number;
  maxReplicas: number;
}

/** The healthy baseline, used by every cluster that is not dev-eu or prod-us (scale mode). */
const baseline: Record<string, WorkloadTuning> = {
  checkout: { tag: '1.4.2', replicas: 2 },
  payments: { tag: '2.3.0', replicas: 2 },
  'catalog-api': { tag: '2.9.1', replicas: 2 },
  search: { tag: '7.2.0', replicas: 2 },
  notifications: { tag: '1.1.0', replicas: 1 },
};

const hpaBaseline: Record<string, HpaTuning> = {
  checkout: { minReplicas: 2, maxReplicas: 6 },
  payments: { minReplicas: 2, maxReplicas: 10 },
  search: { minReplicas: 2, maxReplicas: 8 },
};

const driftTag = (service: string, cluster: string) =>
  DEMO_DRIFT.find(d => d.service === service)?.tags[cluster];

/** The deliberate troubles of DEMO_TROUBLES, as tuning. Keep the two in step. */
const perCluster: Record<
  string,
  {
    workloads: Record<string, Partial<WorkloadTuning>>;
    hpas: Record<string, HpaTuning>;
  }
> = {
  'dev-eu': {
    workloads: {
      checkout: { tag: driftTag('checkout', 'dev-eu') },
      'catalog-api': {
        tag: '3.0.0-rc.1',
        simulate: 'image-pull-backoff',
        progressDeadlineSeconds: 86400,
      },
      notifications: { cpuRequest: '64', progressDeadlineSeconds: 86400 },
      payments: { replicas: 9 },
    },
    hpas: { payments: { minReplicas: 2, maxReplicas: 10 } },
  },
  'prod-us': {
    workloads: {
      checkout: {
        tag: driftTag('checkout', 'prod-us'),
        replicas: 5,
        simulate: 'crashloop',
        progressDeadlineSeconds: 86400,
      },
      notifications: { replicas: 2, simulate: 'oom-killed' },
      search: { replicas: 3 },
    },
    hpas: { checkout: { minReplicas: 2, maxReplicas: 3 } },
  },
};

function labels(service: string, workload: string, component: string) {
  return {
    [KUBERNETES_ID_LABEL]: service,
    'app.kubernetes.io/name': workload,
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/part-of': 'kubeplatform-demo',
  };
}

function podTemplate(
  service: DemoService,
  workload: string,
  component: string,
  image: string,
  extra: {
    simulate?: Simulation;
    cpuRequest?: string;
    restartPolicy?: string;
  } = {},
) {
  const podLabels: Record<string, string> = labels(
    service.name,
    workload,
    component,
  );
  if (extra.simulate) podLabels[SIMULATE_LABEL] = extra.simulate;
  return {
    metadata: { labels: podLabels },
    spec: {
      ...(extra.restartPolicy ? { restartPolicy: extra.restartPolicy } : {}),
      containers: [
        {
          name: service.name,
          image,
          ports: [{ name: 'http', containerPort: service.port }],
          resources: {
            requests: { cpu: extra.cpuRequest ?? '100m', memory: '128Mi' },
            limits: { memory: '256Mi' },
          },
          readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
        },
      ],
    },
  };
}

/** An object of one demo service, in the service's namespace and with its labels. */
function manifest(
  apiVersion: string,
  kind: string,
  svc: DemoService,
  name: string,
  component: string,
  spec: Record<string, unknown>,
): Obj {
  return {
    apiVersion,
    kind,
    metadata: {
      name,
      namespace: svc.namespace,
      labels: labels(svc.name, name, component),
    },
    spec,
  };
}

function deployment(service: DemoService, tuning: WorkloadTuning): Obj {
  return manifest('apps/v1', 'Deployment', service, service.name, 'server', {
    replicas: tuning.replicas,
    ...(tuning.progressDeadlineSeconds
      ? { progressDeadlineSeconds: tuning.progressDeadlineSeconds }
      : {}),
    selector: { matchLabels: { 'app.kubernetes.io/name': service.name } },
    template: podTemplate(
      service,
      service.name,
      'server',
      `kubeplatform-demo/${service.name}:${tuning.tag}`,
      tuning,
    ),
  });
}

function serviceManifest(
  svc: DemoService,
  name = svc.name,
  headless = false,
): Obj {
  const component = headless ? 'database' : 'server';
  return manifest('v1', 'Service', svc, name, component, {
    ...(headless ? { clusterIP: 'None' } : {}),
    selector: { 'app.kubernetes.io/name': name },
    ports: [{ name: 'http', port: 80, targetPort: headless ? 5432 : svc.port }],
  });
}

function ingress(svc: DemoService, cluster: string): Obj {
  return manifest('networking.k8s.io/v1', 'Ingress', svc, svc.name, 'server', {
    rules: [
      {
        host: `${svc.name}.${cluster}.kubeplatform.local`,
        http: {
          paths: [
            {
              path: '/',
              pathType: 'Prefix',
              backend: { service: { name: svc.name, port: { number: 80 } } },
            },
          ],
        },
      },
    ],
  });
}

function hpa(svc: DemoService, tuning: HpaTuning): Obj {
  const kind = 'HorizontalPodAutoscaler';
  return manifest('autoscaling/v2', kind, svc, svc.name, 'server', {
    scaleTargetRef: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: svc.name,
    },
    minReplicas: tuning.minReplicas,
    maxReplicas: tuning.maxReplicas,
    metrics: [
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          target: { type: 'Utilization', averageUtilization: 70 },
        },
      },
    ],
  });
}

/** The spec of a Job that runs the service's tools image once. */
function toolsJobSpec(
  svc: DemoService,
  name: string,
  pod: { simulate?: Simulation; restartPolicy: string },
) {
  const image = `kubeplatform-demo/${svc.name}-tools:1.0.0`;
  return {
    backoffLimit: 1,
    template: podTemplate(svc, name, 'batch', image, pod),
  };
}

function job(svc: DemoService, name: string, failing: boolean): Obj {
  return manifest(
    'batch/v1',
    'Job',
    svc,
    name,
    'batch',
    toolsJobSpec(svc, name, {
      simulate: failing ? 'fail' : undefined,
      restartPolicy: 'Never',
    }),
  );
}

function cronJob(svc: DemoService, name: string, schedule: string): Obj {
  return manifest('batch/v1', 'CronJob', svc, name, 'batch', {
    schedule,
    successfulJobsHistoryLimit: 2,
    failedJobsHistoryLimit: 1,
    jobTemplate: {
      metadata: { labels: labels(svc.name, name, 'batch') },
      spec: toolsJobSpec(svc, name, { restartPolicy: 'OnFailure' }),
    },
  });
}

function statefulSet(svc: DemoService, name: string, replicas: number): Obj {
  const template = podTemplate(svc, name, 'database', 'postgres:16.4');
  template.spec.containers[0].name = 'postgres';
  template.spec.containers[0].ports = [
    { name: 'postgres', containerPort: 5432 },
  ];
  template.spec.containers[0].readinessProbe = {
    exec: { command: ['pg_isready'] },
  } as never;
  return manifest('apps/v1', 'StatefulSet', svc, name, 'database', {
    serviceName: name,
    replicas,
    selector: { matchLabels: { 'app.kubernetes.io/name': name } },
    template,
  });
}

function namespace(name: string): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: { 'app.kubernetes.io/part-of': 'kubeplatform-demo' },
    },
  };
}

type Template = { metadata?: { annotations?: Record<string, string> } };

/**
 * Gives the pod template of a demo workload the usage annotations of its service in this
 * cluster (kwok's resource-usage emulation reads them); other objects pass unchanged.
 */
function withUsage(object: Obj, cluster: string): Obj {
  const spec = object.spec as
    | {
        template?: Template;
        jobTemplate?: { spec?: { template?: Template } };
      }
    | undefined;
  const template = spec?.template ?? spec?.jobTemplate?.spec?.template;
  const service = object.metadata?.labels?.[KUBERNETES_ID_LABEL];
  if (template && service) {
    template.metadata = {
      ...template.metadata,
      annotations: {
        ...template.metadata?.annotations,
        ...usageAnnotations(service, cluster),
      },
    };
  }
  return object;
}

/** The demo fleet of one cluster, in apply order (namespaces first). */
export function demoFleet(cluster: string): Obj[] {
  return demoObjects(cluster).map(o => withUsage(o, cluster));
}

function demoObjects(cluster: string): Obj[] {
  const tuning = perCluster[cluster] ?? { workloads: {}, hpas: {} };
  const byName = (name: string) => DEMO_SERVICES.find(s => s.name === name)!;
  const objects: Obj[] = DEMO_NAMESPACES.map(namespace);
  for (const svc of DEMO_SERVICES) {
    const workload = { ...baseline[svc.name], ...tuning.workloads[svc.name] };
    objects.push(deployment(svc, workload), serviceManifest(svc));
    if (svc.name !== 'notifications') objects.push(ingress(svc, cluster));
    const hpaTuning = tuning.hpas[svc.name] ?? hpaBaseline[svc.name];
    if (hpaTuning) objects.push(hpa(svc, hpaTuning));
  }
  const catalog = byName('catalog-api');
  objects.push(
    serviceManifest(catalog, 'catalog-db', true),
    statefulSet(catalog, 'catalog-db', cluster === 'prod-us' ? 2 : 1),
    cronJob(catalog, 'catalog-sync', '*/15 * * * *'),
    job(byName('search'), 'search-reindex', cluster === 'prod-us'),
    cronJob(byName('notifications'), 'notifications-digest', '0 * * * *'),
  );
  return objects;
}

/**
 * The second step of the stuck rollout in prod-us: payments moves to 2.4.0, whose pods never
 * become Ready, so the rollout passes its 60 s progress deadline. Applied once the first
 * version is available, so the Deployment really has an old and a new ReplicaSet.
 */
export function stuckRollout(cluster: string): Obj | undefined {
  if (cluster !== 'prod-us') return undefined;
  const payments = DEMO_SERVICES.find(s => s.name === 'payments')!;
  return withUsage(
    deployment(payments, {
      ...baseline.payments,
      tag: '2.4.0',
      simulate: 'never-ready',
      progressDeadlineSeconds: 60,
    }),
    cluster,
  );
}
