import { Config } from '@backstage/config';
import { LogLimits } from './routes/streamPodLogs';
import { StreamOptions } from './routes/streamEntityView';

export interface MulticlusterOptions {
  stream: StreamOptions;
  logs: LogLimits & { defaultTailLines: number; maxTailLines: number };
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
    },
    logs: {
      maxBytes: c?.getOptionalNumber('logs.maxBytes') ?? 2 * 1024 * 1024,
      maxFollowSeconds: c?.getOptionalNumber('logs.maxFollowSeconds') ?? 300,
      requestTimeoutMs:
        (c?.getOptionalNumber('logs.requestTimeoutSeconds') ?? 10) * 1000,
      defaultTailLines: 500,
      maxTailLines: c?.getOptionalNumber('logs.maxTailLines') ?? 5000,
    },
  };
}
