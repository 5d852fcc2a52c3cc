import fs from 'node:fs';
import path from 'node:path';
import {
  DEMO_SERVICES,
  loadLocalFleet,
  SCALE_SERVICES,
  scaleServiceId,
} from '@kubeplatform/local-clusters';
import { serviceEntity } from '@kubeplatform/plugin-clusters-backend/testUtils';
import { parse } from 'yaml';
import { ContenderSpec } from '../contenders/types';

/** The running local fleet as both contenders see it: one config, one catalog. */
export interface BenchFleet {
  clusters: string[];
  /** The apiservers' audit logs, for counting Kubernetes requests. */
  auditLogPaths: string[];
  /** Extra pods of scale mode (`yarn clusters up --pods N`); 0 for the demo fleet. */
  scalePods: number;
  /** The services page views pick from, round-robin. */
  serviceIds: string[];
  spec: ContenderSpec;
}

export async function loadBenchFleet(): Promise<BenchFleet> {
  const fleet = await loadLocalFleet();
  const generated = parse(fs.readFileSync(fleet.appConfigPath, 'utf8'));
  const state: { clusters: Array<{ scalePods?: number }> } = JSON.parse(
    fs.readFileSync(
      path.join(path.dirname(fleet.appConfigPath), 'state.json'),
      'utf8',
    ),
  );
  const scalePods = state.clusters.reduce((n, c) => n + (c.scalePods ?? 0), 0);
  const serviceIds =
    scalePods > 0
      ? Array.from({ length: SCALE_SERVICES }, (_, i) => scaleServiceId(i))
      : DEMO_SERVICES.map(s => s.name);
  return {
    clusters: fleet.clusters.map(c => c.name),
    auditLogPaths: fleet.clusters
      .map(c => c.auditLogPath)
      .filter(p => fs.existsSync(p)),
    scalePods,
    serviceIds,
    spec: {
      // backend.baseUrl is only a URL the plugins may print; nothing listens on it.
      config: {
        ...generated,
        // Metrics on for both: every cluster runs metrics-server, so upstream asks metrics.k8s.io
        // on each view (as its entity tab does) and ours keeps pod metrics in its cache.
        kubernetes: generated.kubernetes,
        backend: { baseUrl: 'http://localhost:7007' },
      },
      entities: serviceIds.map(id => serviceEntity(id)),
    },
  };
}
