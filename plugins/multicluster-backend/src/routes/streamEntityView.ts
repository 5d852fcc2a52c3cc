import { Entity } from '@backstage/catalog-model';
import { EntityView } from '@kubeplatform/clusters-common';
import type { CacheChange } from '@kubeplatform/clusters-node';
import { Request, Response } from 'express';
import { startUnbufferedStream } from './startUnbufferedStream';
import { createViewPacer } from './viewPacer';
import { flushCompressed } from './flushCompressed';

export interface StreamOptions {
  /** Quiet time after a change before a view is sent; a change after a quiet spell goes at once. */
  debounceMs: number;
  /** A view is sent at the latest this long after the first of a burst of changes. */
  maxWaitMs: number;
  keepaliveMs: number;
  /** The stream is closed after this long so that the entity and rights are checked again. */
  maxDurationMs: number;
  /** How often the viewer's access is checked again while the stream is open. */
  recheckAccessMs: number;
}

/**
 * Server-Sent Events for one entity: `event: view` with the EntityView as data, first at once,
 * then after changes in the cache (debounced, and only when the view really changed). The buffer
 * is bounded to one pending view: while the socket is congested, newer views replace it.
 */
export function streamEntityView(
  req: Request,
  res: Response,
  deps: {
    entity: Entity;
    view(entity: Entity): EntityView;
    /**
     * Looks the entity up again with the viewer's credentials and rights: the current entity,
     * or undefined (or a rejection) once the viewer may no longer see it.
     */
    recheck(): Promise<Entity | undefined>;
    subscribe(listener: (change: CacheChange) => void): () => void;
    options: StreamOptions;
  },
) {
  const { view, subscribe, recheck, options } = deps;
  let entity = deps.entity;
  startUnbufferedStream(res, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    Connection: 'keep-alive',
  });
  res.socket?.setNoDelay(true);

  let lastFingerprint = '';
  let pending: string | undefined;
  let congested = false;
  let closed = false;

  const write = (chunk: string) => {
    if (closed) return;
    if (congested) {
      pending = chunk;
      return;
    }
    congested = !res.write(chunk);
    flushCompressed(res);
  };
  res.on('drain', () => {
    congested = false;
    if (pending) {
      const chunk = pending;
      pending = undefined;
      write(chunk);
    }
  });

  const sendView = () => {
    let current: EntityView;
    try {
      current = view(entity);
    } catch (error) {
      write(
        `event: error\ndata: ${JSON.stringify({
          message: (error as Error).message,
        })}\n\n`,
      );
      return;
    }
    const fingerprint = fingerprintOf(current);
    if (fingerprint === lastFingerprint) return;
    lastFingerprint = fingerprint;
    const chunk = `event: view\ndata: ${JSON.stringify(current)}\n\n`;
    if (congested) pending = chunk;
    else write(chunk);
  };

  const pacer = createViewPacer(sendView, options);
  pacer.sendNow();
  const unsubscribe = subscribe(() => pacer.changed());
  const keepalive = setInterval(
    () => write(': keepalive\n\n'),
    options.keepaliveMs,
  );
  const maxDuration = setTimeout(() => res.end(), options.maxDurationMs);
  let accessTimer: NodeJS.Timeout | undefined;
  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    pacer.stop();
    clearInterval(keepalive);
    clearTimeout(maxDuration);
    clearTimeout(accessTimer);
  };

  const checkAccess = async () => {
    const current = await recheck().catch(() => undefined);
    if (closed) return;
    if (!current) {
      write(
        `event: error\ndata: ${JSON.stringify({
          message:
            'access to this entity was withdrawn, or the entity is gone; the stream is closed',
        })}\n\n`,
      );
      close();
      res.end();
      return;
    }
    // The entity's annotations may have changed too: later views follow the current entity.
    entity = current;
    accessTimer = setTimeout(checkAccess, options.recheckAccessMs);
  };
  accessTimer = setTimeout(checkAccess, options.recheckAccessMs);

  req.on('close', close);
  res.on('close', close);
}

/** What a viewer sees, without the fields that change by themselves as time passes. */
function fingerprintOf(view: EntityView): string {
  return JSON.stringify(view, (key, value) =>
    key === 'generatedAt' || key === 'ageSeconds' ? undefined : value,
  );
}
