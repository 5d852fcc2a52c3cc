import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { demoClusterExec } from '../demo/containerExec';
import { writeDemoLogs } from '../demo/containerLogs';
import { kwokPodStages } from '../demo/kwokStages';
import { demoResourceUsage } from '../demo/resourceUsage';
import { StatePaths } from '../paths';

/**
 * Audit only what service accounts do: the benchmarks count the Backstage backend's API
 * requests per client from this log, while control-plane chatter stays out of it.
 */
const auditPolicy = {
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  omitStages: ['RequestReceived'],
  rules: [
    {
      level: 'None',
      nonResourceURLs: ['/readyz*', '/livez*', '/healthz*', '/version'],
    },
    { level: 'Metadata', userGroups: ['system:serviceaccounts'] },
    { level: 'None' },
  ],
};

export interface KwokConfigFiles {
  kwokConfig: string;
  auditPolicy: string;
}

/**
 * Writes the kwok config (Stages, ClusterLogs, ClusterExec, resource usage) and the audit policy
 * every cluster uses.
 */
export function writeKwokConfigFiles(paths: StatePaths): KwokConfigFiles {
  fs.mkdirSync(paths.configDir, { recursive: true });
  const documents = [
    ...kwokPodStages(),
    demoResourceUsage(),
    writeDemoLogs(path.join(paths.configDir, 'logs')),
    demoClusterExec(path.join(paths.configDir, 'exec-sandbox')),
  ];
  const kwokConfig = path.join(paths.configDir, 'kwok-config.yaml');
  fs.writeFileSync(
    kwokConfig,
    documents
      .map(d => stringify(d, { lineWidth: 0, blockQuote: 'literal' }))
      .join('---\n'),
  );
  const policy = path.join(paths.configDir, 'audit-policy.yaml');
  fs.writeFileSync(policy, stringify(auditPolicy));
  return { kwokConfig, auditPolicy: policy };
}

/** The ports one cluster's components listen on, all on 127.0.0.1. */
export interface ComponentPorts {
  kubeApiserverPort: number;
  etcdPort: number;
  etcdPeerPort: number;
  kwokControllerPort: number;
  kubeControllerManagerPort: number;
  kubeSchedulerPort: number;
  metricsServerPort: number;
}

/**
 * Writes a cluster's own kwokctl options. We choose every port ourselves: kwokctl would count
 * down from 32767, so two fleets on one machine would pick the same etcd port, and a stopped
 * cluster's ports would be taken by the next cluster created.
 */
export function writeClusterOptionsFile(
  paths: StatePaths,
  name: string,
  ports: ComponentPorts,
): string {
  const file = path.join(paths.configDir, `${name}.kwokctl.yaml`);
  fs.mkdirSync(paths.configDir, { recursive: true });
  fs.writeFileSync(
    file,
    stringify({
      apiVersion: 'config.kwok.x-k8s.io/v1alpha1',
      kind: 'KwokctlConfiguration',
      // Components listen on loopback only: these clusters are for this machine.
      options: { bindAddress: '127.0.0.1', ...ports },
    }),
  );
  return file;
}
