import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { EntityView } from '@kubeplatform/clusters-common';
import { EntityAddress, multiclusterApiRef } from '../api';
import { useViewerAuth } from './useViewerAuth';

export interface LiveConnection {
  /**
   * connecting: no view yet; live: the stream is open; reconnecting: it dropped and a retry is
   * scheduled; failed: the backend refused in a way a retry cannot fix (400, 403, 404).
   */
  state: 'connecting' | 'live' | 'reconnecting' | 'failed';
  lastUpdated?: Date;
  error?: Error;
  retryInSeconds?: number;
}

export interface LiveEntityView {
  view?: EntityView;
  connection: LiveConnection;
  /** Reconnect now instead of waiting for the backoff. */
  retry: () => void;
}

export interface BackoffOptions {
  initialDelayMs: number;
  maxDelayMs: number;
}

const defaultBackoff: BackoffOptions = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
};

/** Exponential backoff with up to 20 % jitter, so that many tabs do not reconnect in step. */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const base = Math.min(
    options.maxDelayMs,
    options.initialDelayMs * 2 ** (attempt - 1),
  );
  return Math.round(base * (1 - Math.random() * 0.2));
}

function isPermanent(error: unknown): boolean {
  return (
    error instanceof ResponseError &&
    [400, 403, 404].includes(error.response.status)
  );
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * The entity's view, kept current by the backend's SSE stream. When the stream drops, the last
 * view stays on screen and the hook reconnects with backoff.
 */
export function useLiveEntityView(
  entity: EntityAddress,
  backoff: BackoffOptions = defaultBackoff,
): LiveEntityView {
  const api = useApi(multiclusterApiRef);
  const viewerAuth = useViewerAuth();
  const [view, setView] = useState<EntityView>();
  const [connection, setConnection] = useState<LiveConnection>({
    state: 'connecting',
  });
  const [generation, setGeneration] = useState(0);
  const { kind, namespace, name } = entity;
  const { initialDelayMs, maxDelayMs } = backoff;

  // Survives reconnects and manual retries, so the banner can say how old the data is.
  const lastUpdated = useRef<Date>();

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const progress = { attempt: 0 };
    const onView = (next: EntityView) => {
      progress.attempt = 0;
      lastUpdated.current = new Date();
      setView(next);
      setConnection({ state: 'live', lastUpdated: lastUpdated.current });
    };

    const run = async () => {
      while (!signal.aborted) {
        let failure: Error;
        try {
          await api.streamEntityView({ kind, namespace, name }, onView, {
            signal,
            viewerAuth,
          });
          failure = new Error('The server closed the stream');
        } catch (error) {
          failure = error instanceof Error ? error : new Error(String(error));
        }
        if (signal.aborted) return;
        if (isPermanent(failure)) {
          setConnection({
            state: 'failed',
            lastUpdated: lastUpdated.current,
            error: failure,
          });
          return;
        }
        progress.attempt += 1;
        const delay = backoffDelay(progress.attempt, {
          initialDelayMs,
          maxDelayMs,
        });
        setConnection({
          state: lastUpdated.current ? 'reconnecting' : 'connecting',
          lastUpdated: lastUpdated.current,
          error: failure,
          retryInSeconds: Math.ceil(delay / 1000),
        });
        await sleep(delay, signal);
      }
    };
    run();
    return () => controller.abort();
  }, [
    api,
    viewerAuth,
    kind,
    namespace,
    name,
    generation,
    initialDelayMs,
    maxDelayMs,
  ]);

  const retry = useCallback(() => setGeneration(g => g + 1), []);
  return { view, connection, retry };
}
