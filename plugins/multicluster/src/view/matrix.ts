import {
  ClusterView,
  EntityView,
  WorkloadSummary,
} from '@kubeplatform/clusters-common';
import { healthRankOf } from './clusterStatus';
import { orderedClusters } from './grouping';
import { workloadKey } from './clusterSummary';

export interface MatrixRow {
  key: string;
  kind: WorkloadSummary['kind'];
  namespace: string;
  name: string;
  /** cluster name -> the workload there, when it runs there. */
  cells: Map<string, WorkloadSummary>;
}

export interface Matrix {
  clusters: ClusterView[];
  rows: MatrixRow[];
}

/** Workloads down the side (worst first), clusters across the top (grouped, worst first). */
export function buildMatrix(view: EntityView): Matrix {
  const clusters = orderedClusters(view.clusters);
  const rows = new Map<string, MatrixRow>();
  for (const cluster of clusters) {
    for (const workload of cluster.workloads) {
      const key = workloadKey(workload);
      const row = rows.get(key) ?? {
        key,
        kind: workload.kind,
        namespace: workload.namespace,
        name: workload.name,
        cells: new Map(),
      };
      row.cells.set(cluster.cluster.name, workload);
      rows.set(key, row);
    }
  }
  const worst = (row: MatrixRow) =>
    Math.min(...[...row.cells.values()].map(w => healthRankOf(w.health)));
  return {
    clusters,
    rows: [...rows.values()].sort(
      (a, b) => worst(a) - worst(b) || a.key.localeCompare(b.key),
    ),
  };
}
