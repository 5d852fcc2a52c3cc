import {
  detectProblems,
  IngressSummary,
  Problem,
  quotaUsage,
  ResourceQuotaSummary,
  serviceEndpoints,
  ServiceSummary,
  TrimmedIngress,
  TrimmedPod,
  TrimmedResourceQuota,
  TrimmedService,
  WorkloadNetwork,
} from '@kubeplatform/clusters-common';
import type { CacheReader } from '@kubeplatform/clusters-node';
import { EntityQuery } from '../entities/entityQuery';
import { selectObjects, Workload } from './findEntityObjects';
import { healthOfProblems } from './health';

/** The labels a workload gives its pods, from its pod template. */
function templateLabels(workload: Workload): Record<string, string> {
  switch (workload.kind) {
    case 'CronJob':
      return (
        workload.object.spec?.jobTemplate?.spec?.template?.metadata?.labels ??
        {}
      );
    default:
      return workload.object.spec?.template?.metadata?.labels ?? {};
  }
}

function selects(
  service: TrimmedService,
  labels: Record<string, string> | undefined,
): boolean {
  const selector = Object.entries(service.spec?.selector ?? {});
  return selector.length > 0 && selector.every(([k, v]) => labels?.[k] === v);
}

function withCluster(reader: CacheReader, problems: Problem[]): Problem[] {
  return problems.map(p => ({ ...p, cluster: reader.identity.name }));
}

/**
 * The entity's Services and their problems. Only Services the entity's query selects, through
 * the entity-scoped reader, so a Service outside the entity's scope never shows. Endpoints are
 * counted over every pod of the Service's namespace, as the endpoints controller counts them.
 */
export function entityServiceProblems(
  reader: CacheReader,
  query: EntityQuery,
  now: Date,
): Problem[] {
  const services = selectObjects(reader, 'services', query);
  const namespaces = [...new Set(services.map(s => s.metadata?.namespace))];
  const endpointPods = namespaces.flatMap(ns =>
    ns ? reader.list('pods', ns) : [],
  );
  return withCluster(reader, detectProblems({ services, endpointPods }, now));
}

/** Problems of the ResourceQuotas of the namespaces the entity runs workloads in. */
export function namespaceQuotaProblems(
  reader: CacheReader,
  namespaces: Iterable<string>,
  now: Date,
): Problem[] {
  const resourceQuotas = [...new Set(namespaces)].flatMap(ns =>
    reader.list('resourcequotas', ns),
  );
  return withCluster(reader, detectProblems({ resourceQuotas }, now));
}

/** The entity's Services that select the workload's pods, and its Ingresses in front of them. */
export function workloadNetwork(
  reader: CacheReader,
  query: EntityQuery,
  workload: Workload,
  pods: TrimmedPod[],
  now: Date,
): WorkloadNetwork {
  const namespace = workload.object.metadata?.namespace ?? '';
  const labels = templateLabels(workload);
  const services = selectObjects(reader, 'services', query)
    .filter(s => s.metadata?.namespace === namespace)
    .filter(
      s => selects(s, labels) || pods.some(p => selects(s, p.metadata?.labels)),
    );
  const names = new Set(services.map(s => s.metadata?.name ?? ''));
  const namespacePods = reader.list('pods', namespace);
  const ingresses = selectObjects(reader, 'ingresses', query)
    .filter(i => i.metadata?.namespace === namespace)
    .map(ingressSummary)
    .filter(i => i.rules.some(r => r.backend && names.has(r.backend.service)));
  return {
    services: services
      .map(s => serviceSummary(reader, s, namespacePods, now))
      .sort((a, b) => a.name.localeCompare(b.name)),
    ingresses: ingresses.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The ResourceQuotas of one namespace with their use, full ones first. */
export function namespaceQuotas(
  reader: CacheReader,
  namespace: string,
  now: Date,
): ResourceQuotaSummary[] {
  return reader
    .list('resourcequotas', namespace)
    .map(q => quotaSummary(reader, q, now))
    .sort(
      (a, b) =>
        b.problems.length - a.problems.length || a.name.localeCompare(b.name),
    );
}

function serviceSummary(
  reader: CacheReader,
  service: TrimmedService,
  pods: TrimmedPod[],
  now: Date,
): ServiceSummary {
  const problems = withCluster(
    reader,
    detectProblems({ services: [service], endpointPods: pods }, now),
  );
  const endpoints = serviceEndpoints(service, pods);
  const selector = service.spec?.selector;
  return {
    namespace: service.metadata?.namespace ?? '',
    name: service.metadata?.name ?? '',
    type: service.spec?.type ?? 'ClusterIP',
    ...(service.spec?.clusterIP && { clusterIP: service.spec.clusterIP }),
    ports: (service.spec?.ports ?? []).map(p => ({
      ...(p.name && { name: p.name }),
      protocol: p.protocol ?? 'TCP',
      port: p.port,
      ...(p.targetPort !== undefined && { targetPort: String(p.targetPort) }),
      ...(p.nodePort !== undefined && { nodePort: p.nodePort }),
    })),
    ...(selector && Object.keys(selector).length > 0 && { selector }),
    ...(endpoints && { endpoints }),
    health: healthOfProblems(problems),
    problems,
  };
}

/** The URL a browser opens for a rule, only for a plain DNS host name (no wildcard, no scheme). */
function ruleUrl(host: string, path: string | undefined, tls: boolean) {
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/i.test(host)) return undefined;
  const safePath = path && /^\/[A-Za-z0-9._~/-]*$/.test(path) ? path : '/';
  return `${tls ? 'https' : 'http'}://${host}${safePath}`;
}

export function ingressSummary(ingress: TrimmedIngress): IngressSummary {
  const tls = (ingress.spec?.tls ?? []).map(t => ({
    hosts: t.hosts ?? [],
    ...(t.secretName && { secretName: t.secretName }),
  }));
  const tlsHosts = new Set(tls.flatMap(t => t.hosts));
  const rules: IngressSummary['rules'] = (ingress.spec?.rules ?? []).flatMap(
    rule => {
      const host = rule.host;
      const secure = !!host && tlsHosts.has(host);
      const paths = rule.http?.paths ?? [];
      const entries = paths.length ? paths : [undefined];
      return entries.map(p => {
        const backend = p?.backend?.service;
        const port = backend?.port?.name ?? backend?.port?.number;
        const url = host ? ruleUrl(host, p?.path, secure) : undefined;
        return {
          ...(host && { host }),
          ...(p?.path && { path: p.path }),
          ...(url && { url }),
          tls: secure,
          ...(backend && {
            backend: {
              service: backend.name,
              ...(port !== undefined && { port: String(port) }),
            },
          }),
        };
      });
    },
  );
  const addresses = (ingress.status?.loadBalancer?.ingress ?? [])
    .map(a => a.ip ?? a.hostname ?? '')
    .filter(Boolean);
  return {
    namespace: ingress.metadata?.namespace ?? '',
    name: ingress.metadata?.name ?? '',
    ...(ingress.spec?.ingressClassName && {
      ingressClassName: ingress.spec.ingressClassName,
    }),
    rules,
    tls,
    addresses,
  };
}

function quotaSummary(
  reader: CacheReader,
  quota: TrimmedResourceQuota,
  now: Date,
): ResourceQuotaSummary {
  const problems = withCluster(
    reader,
    detectProblems({ resourceQuotas: [quota] }, now),
  );
  return {
    namespace: quota.metadata?.namespace ?? '',
    name: quota.metadata?.name ?? '',
    resources: quotaUsage(quota),
    health: healthOfProblems(problems),
    problems,
  };
}
