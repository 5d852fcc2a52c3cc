import { WatchTuning } from '../cache/WatchUnit';

/** Watch timings for tests against the mock API server: short timeouts and backoff, no health probe. */
export const fastWatchTuning: WatchTuning = {
  requestTimeoutMs: 500,
  watchTimeoutSeconds: 30,
  listPageSize: 500,
  backoffBaseMs: 10,
  backoffMaxMs: 20,
  deniedRetryMs: 60_000,
  healthCheckMs: 0,
};
