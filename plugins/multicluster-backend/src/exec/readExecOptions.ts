import { Config, readDurationFromConfig } from '@backstage/config';

/** Bounds and origins of the pod terminal (docs/multicluster.md#pod-terminal). */
export interface ExecOptions {
  /** The command every terminal runs; the browser never chooses it. */
  command: string[];
  /** A session is closed after this long, busy or not. */
  maxDurationMs: number;
  /** A session with no input from the browser for this long is closed. */
  idleTimeoutMs: number;
  /** How often an open session checks again that its user may still exec into the pod. */
  recheckMs: number;
  /** Origins a browser may open a terminal from; other Origin headers are refused. */
  allowedOrigins: string[];
  /** Terminals one user may hold open at once; one more is closed with 4429. */
  maxSessionsPerUser: number;
}

const MINUTE = 60_000;
const UNIT_MS: Record<string, number> = {
  milliseconds: 1,
  seconds: 1000,
  minutes: MINUTE,
  hours: 60 * MINUTE,
  days: 24 * 60 * MINUTE,
};

/** A duration key (`15m`, `{ minutes: 15 }`) of `exec` in milliseconds, or the default. */
function durationMs(
  exec: Config | undefined,
  key: string,
  fallbackMs: number,
): number {
  if (!exec?.has(key)) return fallbackMs;
  const duration = readDurationFromConfig(exec, { key });
  let ms = 0;
  for (const [unit, value] of Object.entries(duration)) {
    if (!(unit in UNIT_MS)) {
      throw new Error(
        `kubeplatform.multicluster.exec.${key}: use milliseconds to days, not ${unit}`,
      );
    }
    ms += (value ?? 0) * UNIT_MS[unit];
  }
  if (!(ms > 0)) {
    throw new Error(
      `kubeplatform.multicluster.exec.${key} must be a positive duration`,
    );
  }
  return ms;
}

/** Reads `kubeplatform.multicluster.exec`, validating it, with the defaults of config.d.ts. */
export function readExecOptions(config: Config): ExecOptions {
  const exec = config.getOptionalConfig('kubeplatform.multicluster.exec');
  const command = exec?.getOptionalStringArray('command') ?? ['/bin/sh'];
  if (command.length === 0 || command.some(part => part === '')) {
    throw new Error(
      'kubeplatform.multicluster.exec.command must be a non-empty list of non-empty strings',
    );
  }
  const recheckMs = durationMs(exec, 'recheckInterval', 30_000);
  if (recheckMs > MINUTE) {
    throw new Error(
      'kubeplatform.multicluster.exec.recheckInterval must be at most 1 minute',
    );
  }
  const maxSessionsPerUser = exec?.getOptionalNumber('maxSessionsPerUser') ?? 3;
  if (!Number.isInteger(maxSessionsPerUser) || maxSessionsPerUser < 1) {
    throw new Error(
      'kubeplatform.multicluster.exec.maxSessionsPerUser must be a whole number of at least 1',
    );
  }
  const origins = [config.getOptionalString('app.baseUrl')]
    .concat(exec?.getOptionalStringArray('allowedOrigins') ?? [])
    .filter((url): url is string => !!url)
    .map(url => new URL(url).origin);
  return {
    command,
    maxDurationMs: durationMs(exec, 'maxDuration', 15 * MINUTE),
    idleTimeoutMs: durationMs(exec, 'idleTimeout', 5 * MINUTE),
    recheckMs,
    allowedOrigins: origins,
    maxSessionsPerUser,
  };
}
