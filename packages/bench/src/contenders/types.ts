import type { TestEntity } from '@kubeplatform/plugin-clusters-backend/testUtils';

/** upstream: `@backstage/plugin-kubernetes-backend` alone; ours: the clusters and multicluster plugins. */
export type ContenderName = 'upstream' | 'ours';

/** What a contender's backend process is started with; written to a private temporary file. */
export interface ContenderSpec {
  config: object;
  entities: TestEntity[];
}

export type ContenderMessage =
  | {
      type: 'ready';
      port: number;
      /** Milliseconds since the child process started: its modules loaded, its backend started. */
      modulesLoadedMs: number;
      backendStartedMs: number;
    }
  | { type: 'failed'; message: string };
