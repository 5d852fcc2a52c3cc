import { Config } from '@backstage/config';
import { LogLimits } from './routes/streamPodLogs';
import { StreamOptions } from './routes/streamEntityView';
import { EntityScope } from './entities/EntityScope';
import { ActionOptions } from './actions/actionRoutes';
import {
  ServiceLocator,
  serviceLocatorFromConfig,
} from './entities/serviceLocator';

export interface MulticlusterOptions {
  stream: StreamOptions & { maxPerUser: number };
  logs: LogLimits & {
    defaultTailLines: number;
    maxTailLines: number;
    maxFollowsPerUser: number;
  };
  /** The Retry-After of a 429 for too many open streams. */
  retryAfterSeconds: number;
  entityScope: EntityScope;
  /** Which clusters an entity is looked for in (upstream's kubernetes.serviceLocatorMethod). */
  serviceLocator: ServiceLocator;
  /** Restart, scale and delete pod. */
  actions: ActionOptions & { requestTimeoutMs: number };
}

export function readMulticlusterOptions(config: Config): MulticlusterOptions {
  const c = config.getOptionalConfig('kubeplatform.multicluster');
  return {
    stream: {
      debounceMs: c?.getOptionalNumber('stream.debounceMs') ?? 250,
      maxWaitMs: c?.getOptionalNumber('stream.maxWaitMs') ?? 1000,
      keepaliveMs:
        (c?.getOptionalNumber('stream.keepaliveSeconds') ?? 15) * 1000,
      maxDurationMs:
        (c?.getOptionalNumber('stream.maxDurationMinutes') ?? 30) * 60_000,
      recheckAccessMs: recheckAccessSeconds(c) * 1000,
      maxPerUser: c?.getOptionalNumber('stream.maxPerUser') ?? 20,
    },
    logs: {
      maxBytes: c?.getOptionalNumber('logs.maxBytes') ?? 2 * 1024 * 1024,
      maxFollowSeconds: c?.getOptionalNumber('logs.maxFollowSeconds') ?? 300,
      requestTimeoutMs:
        (c?.getOptionalNumber('logs.requestTimeoutSeconds') ?? 10) * 1000,
      defaultTailLines: 500,
      maxTailLines: c?.getOptionalNumber('logs.maxTailLines') ?? 5000,
      maxFollowsPerUser: c?.getOptionalNumber('logs.maxFollowsPerUser') ?? 5,
    },
    retryAfterSeconds: c?.getOptionalNumber('retryAfterSeconds') ?? 15,
    entityScope: EntityScope.fromConfig(config),
    serviceLocator: serviceLocatorFromConfig(config),
    actions: {
      maxReplicas: maxReplicas(c),
      requestTimeoutMs:
        (c?.getOptionalNumber('actions.requestTimeoutSeconds') ?? 10) * 1000,
    },
  };
}

/** Streams re-check access at least every minute (issue 11); tests use shorter intervals. */
function recheckAccessSeconds(c: Config | undefined): number {
  const seconds = c?.getOptionalNumber('stream.recheckAccessSeconds') ?? 60;
  if (!(seconds > 0 && seconds <= 60)) {
    throw new Error(
      `kubeplatform.multicluster.stream.recheckAccessSeconds must be more than 0 and at most 60, got ${seconds}`,
    );
  }
  return seconds;
}

/** The ceiling of a scale request, whatever an HPA allows. */
function maxReplicas(c: Config | undefined): number {
  const value = c?.getOptionalNumber('actions.maxReplicas') ?? 100;
  if (!(Number.isInteger(value) && value >= 1)) {
    throw new Error(
      `kubeplatform.multicluster.actions.maxReplicas must be a whole number of at least 1, got ${value}`,
    );
  }
  return value;
}
