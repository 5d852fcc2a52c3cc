import type { JsonObject } from '@backstage/config';
import type { TestEntity } from '@kubeplatform/plugin-clusters-backend/testUtils';
import type { StallReport } from './stallMonitor';

/** upstream: `@backstage/plugin-kubernetes-backend` alone; ours: the clusters and multicluster plugins. */
export type ContenderName = 'upstream' | 'ours';

/** What a contender's backend process is started with; written to a private temporary file. */
export interface ContenderSpec {
  config: BenchConfig;
  entities: TestEntity[];
  /**
   * A loopback address the backend's connections to the clusters leave from, so the audit logs
   * can attribute its requests; none for a backend whose requests are told apart otherwise.
   */
  sourceAddress?: string;
}

export type ContenderMessage =
  | {
      type: 'ready';
      port: number;
      /** Milliseconds since the child process started: its modules loaded, its backend started. */
      modulesLoadedMs: number;
      backendStartedMs: number;
    }
  | { type: 'failed'; message: string }
  /** The answer to a `take-stalls` request: what held the event loop since the last one. */
  | { type: 'stalls'; report: StallReport };

/** What the bench asks of a running contender. */
export type ContenderRequest = { type: 'take-stalls' };

/** Root config of a contender's backend; the bench rewrites only the cluster URLs in it. */
export type BenchConfig = JsonObject & {
  kubernetes?: {
    clusterLocatorMethods?: Array<{
      type: string;
      clusters?: Array<{ url: string }>;
    }>;
  };
};
