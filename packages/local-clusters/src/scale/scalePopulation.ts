import {
  CoreV1Api,
  KubeConfig,
  KubernetesObject,
} from '@kubernetes/client-node';
import { applyObjects, pollUntil } from '../control/apply';
import { KUBERNETES_ID_LABEL } from '../demo/demoServices';

/** Scale-mode workloads live here, apart from the demo fleet. */
export const SCALE_NAMESPACE = 'bench';
/** Replicas per scale-mode Deployment; the last one takes the remainder. */
export const PODS_PER_DEPLOYMENT = 50;
/** Scale-mode Deployments are spread over this many catalog services (`bench-svc-NN`). */
export const SCALE_SERVICES = 10;

export function scaleServiceId(index: number): string {
  return `bench-svc-${String(index % SCALE_SERVICES).padStart(2, '0')}`;
}

/**
 * What scale-mode pods look like. `plain`: one container, a request, two labels (the best case
 * for a cache that shares repeated values). `production`: what services in a real cluster run:
 * an app container with env, ports, probes, requests and limits and volume mounts, a proxy
 * sidecar, and for every other service a log shipper; images, versions, labels and annotations
 * vary per service.
 */
export type ScaleShape = 'plain' | 'production';

export const SCALE_SHAPES: ScaleShape[] = ['plain', 'production'];

/** Replicas per Deployment of the production shape: more services, fewer replicas each. */
export const PODS_PER_PRODUCTION_DEPLOYMENT = 20;

export function podsPerDeployment(shape: ScaleShape): number {
  return shape === 'production'
    ? PODS_PER_PRODUCTION_DEPLOYMENT
    : PODS_PER_DEPLOYMENT;
}

/** Deployments whose replicas add up to `pods`, labelled as catalog services bench-svc-NN. */
export function scaleObjects(
  pods: number,
  shape: ScaleShape = 'plain',
): KubernetesObject[] {
  const objects: KubernetesObject[] = [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: SCALE_NAMESPACE },
    },
  ];
  const perDeployment = podsPerDeployment(shape);
  for (let i = 0, left = pods; left > 0; i++, left -= perDeployment) {
    const name = `bench-${String(i).padStart(3, '0')}`;
    const replicas = Math.min(perDeployment, left);
    objects.push(
      shape === 'production'
        ? productionDeployment(i, name, replicas)
        : plainDeployment(i, name, replicas),
    );
  }
  return objects;
}

function plainDeployment(
  i: number,
  name: string,
  replicas: number,
): KubernetesObject {
  const labels = {
    [KUBERNETES_ID_LABEL]: scaleServiceId(i),
    'app.kubernetes.io/name': name,
  };
  return scaleDeployment(
    name,
    replicas,
    labels,
    { 'app.kubernetes.io/name': name },
    {
      metadata: { labels },
      spec: {
        containers: [
          {
            name: 'app',
            image: `kubeplatform-demo/${scaleServiceId(i)}:1.0.${i % 7}`,
            resources: { requests: { cpu: '10m', memory: '32Mi' } },
          },
        ],
      },
    },
  );
}

/** A Deployment in the scale namespace: `replicas` pods of `template`, picked by `selector`. */
function scaleDeployment(
  name: string,
  replicas: number,
  labels: Record<string, string>,
  selector: Record<string, string>,
  template: { metadata: object; spec: object },
): KubernetesObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: SCALE_NAMESPACE, labels },
    spec: { replicas, selector: { matchLabels: selector }, template },
  } as KubernetesObject;
}

const TEAMS = ['payments', 'checkout', 'search', 'identity', 'catalog', 'ads'];
const LANGUAGES = [
  { base: 'eclipse-temurin', port: 8080, health: '/actuator/health' },
  { base: 'node', port: 3000, health: '/healthz' },
  { base: 'golang', port: 8080, health: '/healthz' },
  { base: 'python', port: 8000, health: '/health' },
];

/** One service of the production shape; every field that varies does so by service. */
function productionDeployment(
  i: number,
  name: string,
  replicas: number,
): KubernetesObject {
  const team = TEAMS[i % TEAMS.length];
  const language = LANGUAGES[i % LANGUAGES.length];
  const version = `${1 + (i % 3)}.${(i * 7) % 20}.${(i * 13) % 31}`;
  const selector = {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/instance': `${name}-prod`,
  };
  const labels = {
    ...selector,
    [KUBERNETES_ID_LABEL]: scaleServiceId(i),
    'app.kubernetes.io/version': version,
    'app.kubernetes.io/component': i % 5 === 0 ? 'worker' : 'api',
    'app.kubernetes.io/part-of': team,
    'app.kubernetes.io/managed-by': 'Helm',
    'helm.sh/chart': `${name}-${version}`,
    team,
    tier: i % 4 === 0 ? 'critical' : 'standard',
  };
  const cpu = ['25m', '40m', '50m'][i % 3];
  const memory = ['64Mi', '96Mi', '128Mi', '160Mi'][i % 4];
  const containers: object[] = [
    {
      name: 'app',
      image: `registry.example.com/${team}/${name}:${version}`,
      imagePullPolicy: 'IfNotPresent',
      args: ['--config=/etc/app/config.yaml', `--port=${language.port}`],
      ports: [
        { name: 'http', containerPort: language.port, protocol: 'TCP' },
        { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
      ],
      env: [
        { name: 'SERVICE_NAME', value: name },
        { name: 'TEAM', value: team },
        { name: 'LOG_LEVEL', value: i % 6 === 0 ? 'debug' : 'info' },
        {
          name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
          value: 'http://otel-collector.observability:4317',
        },
        { name: 'DATABASE_URL', value: `postgres://${name}-db:5432/${team}` },
        {
          name: 'POD_NAME',
          valueFrom: { fieldRef: { fieldPath: 'metadata.name' } },
        },
        {
          name: 'POD_IP',
          valueFrom: { fieldRef: { fieldPath: 'status.podIP' } },
        },
        {
          name: 'NODE_NAME',
          valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } },
        },
      ],
      resources: {
        requests: { cpu, memory },
        limits: { cpu: '1', memory: memory.replace(/\d+/, n => `${+n * 2}`) },
      },
      startupProbe: {
        httpGet: { path: language.health, port: 'http' },
        failureThreshold: 30,
        periodSeconds: 2,
      },
      livenessProbe: {
        httpGet: { path: language.health, port: 'http' },
        initialDelaySeconds: 10,
        periodSeconds: 10,
        timeoutSeconds: 2,
      },
      readinessProbe: {
        httpGet: { path: `${language.health}/ready`, port: 'http' },
        periodSeconds: 5,
      },
      volumeMounts: [
        { name: 'config', mountPath: '/etc/app', readOnly: true },
        { name: 'tmp', mountPath: '/tmp' },
      ],
      securityContext: {
        runAsNonRoot: true,
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      },
    },
    {
      name: 'envoy',
      image: `envoyproxy/envoy:v1.${29 + (i % 3)}.${i % 5}`,
      args: ['-c', '/etc/envoy/envoy.yaml', '--service-cluster', name],
      ports: [{ name: 'proxy', containerPort: 15001, protocol: 'TCP' }],
      env: [{ name: 'ENVOY_UID', value: '0' }],
      resources: {
        requests: { cpu: '10m', memory: '32Mi' },
        limits: { cpu: '500m', memory: '128Mi' },
      },
      readinessProbe: {
        httpGet: { path: '/ready', port: 15021 },
        periodSeconds: 5,
      },
      volumeMounts: [{ name: 'envoy', mountPath: '/etc/envoy' }],
    },
  ];
  if (i % 2 === 1) {
    containers.push({
      name: 'log-shipper',
      image: `fluent/fluent-bit:3.${i % 2}.${i % 9}`,
      env: [{ name: 'FLUENT_OUTPUT', value: `loki.observability/${team}` }],
      resources: { requests: { cpu: '5m', memory: '16Mi' } },
      volumeMounts: [{ name: 'tmp', mountPath: '/var/log/app' }],
    });
  }
  return scaleDeployment(name, replicas, labels, selector, {
    metadata: {
      labels,
      annotations: {
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '9090',
        'checksum/config': hexOf(i),
      },
    },
    spec: {
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      containers,
      volumes: [
        { name: 'config', configMap: { name: `${name}-config` } },
        { name: 'envoy', configMap: { name: 'envoy-sidecar' } },
        { name: 'tmp', emptyDir: {} },
      ],
    },
  });
}

/** A stable 64-hex-digit value per service, like a Helm config checksum. */
function hexOf(i: number): string {
  let out = '';
  for (
    let x = (i + 1) * 2654435761;
    out.length < 64;
    x = (x * 48271) % 2147483647
  )
    out += (x % 4294967296).toString(16).padStart(8, '0');
  return out.slice(0, 64);
}

/** Counts Running pods in the scale namespace. */
export async function runningScalePods(kc: KubeConfig): Promise<number> {
  const core = kc.makeApiClient(CoreV1Api);
  let running = 0;
  let next: string | undefined;
  do {
    const page = await core.listNamespacedPod({
      namespace: SCALE_NAMESPACE,
      limit: 1000,
      _continue: next,
    });
    running += page.items.filter(p => p.status?.phase === 'Running').length;
    next = page.metadata?._continue || undefined;
  } while (next);
  return running;
}

/** Creates the scale-mode pods and waits until all of them are Running; returns milliseconds. */
export async function populateScalePods(
  kc: KubeConfig,
  pods: number,
  onProgress: (running: number) => void,
  signal?: AbortSignal,
  shape: ScaleShape = 'plain',
): Promise<number> {
  const started = Date.now();
  await applyObjects(kc, scaleObjects(pods, shape), signal);
  let last = -1;
  await pollUntil(
    `${pods} scale-mode pods to run`,
    async () => {
      const running = await runningScalePods(kc);
      if (running !== last) onProgress(running);
      last = running;
      return running >= pods ? true : undefined;
    },
    30 * 60_000,
    signal,
  );
  return Date.now() - started;
}
