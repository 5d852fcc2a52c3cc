import { Entity } from '@backstage/catalog-model';
import { EntityView } from '@kubeplatform/clusters-common';
import express from 'express';
import http from 'node:http';
import { streamEntityView } from './streamEntityView';

function viewWith(n: number): EntityView {
  return {
    entityRef: 'component:default/x',
    generatedAt: new Date().toISOString(),
    health: 'healthy',
    incomplete: false,
    clusters: [],
    drift: [],
    explanation: { code: 'NoKubernetesAnnotations', message: String(n) },
  };
}

async function serve(
  viewNumber: () => number,
  recheck?: () => Promise<Entity | undefined>,
) {
  const listeners = new Set<() => void>();
  const app = express();
  app.get('/stream', (req, res) =>
    streamEntityView(req, res, {
      entity: {} as any,
      view: () => viewWith(viewNumber()),
      recheck: recheck ?? (async () => ({} as Entity)),
      subscribe: l => {
        listeners.add(l as any);
        return () => listeners.delete(l as any);
      },
      options: {
        debounceMs: 50,
        maxWaitMs: 200,
        keepaliveMs: 100,
        maxDurationMs: 60_000,
        recheckAccessMs: 100,
      },
    }),
  );
  const server = http.createServer(app);
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/stream`,
    change: () => listeners.forEach(l => l()),
    listeners,
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

async function read(url: string, ms: number, during?: () => Promise<void>) {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal });
  const reader = res.body!.getReader();
  let text = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    } catch {
      // aborted
    }
  })();
  await during?.();
  await new Promise(r => setTimeout(r, ms));
  abort.abort();
  await pump;
  return { res, text };
}

describe('streamEntityView', () => {
  it('sends the view at once, debounces bursts, skips unchanged views, and keeps alive', async () => {
    let n = 1;
    const s = await serve(() => n);
    try {
      const { res, text } = await read(s.url, 350, async () => {
        await new Promise(r => setTimeout(r, 20));
        // A burst of changes that do not change the view: nothing is sent.
        for (let i = 0; i < 5; i++) s.change();
        await new Promise(r => setTimeout(r, 100));
        // A burst that changes it: one message.
        n = 2;
        for (let i = 0; i < 5; i++) s.change();
      });
      expect(res.headers.get('content-type')).toBe(
        'text/event-stream; charset=utf-8',
      );
      const views = text.split('\n\n').filter(m => m.startsWith('event: view'));
      expect(views).toHaveLength(2);
      expect(JSON.parse(views[0].split('data: ')[1]).explanation.message).toBe(
        '1',
      );
      expect(JSON.parse(views[1].split('data: ')[1]).explanation.message).toBe(
        '2',
      );
      expect(text).toContain(': keepalive\n\n');
    } finally {
      await s.close();
    }
  });

  it('unsubscribes when the client goes away', async () => {
    const s = await serve(() => 1);
    try {
      await read(s.url, 50);
      await new Promise(r => setTimeout(r, 50));
      expect(s.listeners.size).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('attack: a viewer who loses access is cut off at the next access check', async () => {
    let allowed = true;
    let checks = 0;
    const s = await serve(
      () => 1,
      async () => {
        checks += 1;
        return allowed ? ({} as Entity) : undefined;
      },
    );
    try {
      const started = Date.now();
      const { text } = await read(s.url, 600, async () => {
        await new Promise(r => setTimeout(r, 150));
        allowed = false;
      });
      expect(checks).toBeGreaterThanOrEqual(2);
      // The stream ended by itself well before the reader gave up (600 ms after the revocation).
      expect(text).toContain('event: error');
      expect(text).toMatch(/access to this entity was withdrawn/);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(s.listeners.size).toBe(0);
    } finally {
      await s.close();
    }
  });
});
