import { ServerSentEventParser } from '@kubeplatform/clusters-common';

/** Reads a text/event-stream with fetch, as the browser does, collecting `event: view` data. */
export async function openViewStream(
  url: string,
  init: { headers?: Record<string, string> } = {},
) {
  const abort = new AbortController();
  const res = await fetch(url, { ...init, signal: abort.signal });
  const views: Array<{ at: number; view: any }> = [];
  const waiters: Array<() => void> = [];
  const done = (async () => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const parser = new ServerSentEventParser();
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        for (const { event, data } of parser.push(
          decoder.decode(value, { stream: true }),
        )) {
          if (event === 'view')
            views.push({ at: Date.now(), view: JSON.parse(data) });
          waiters.splice(0).forEach(w => w());
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    views,
    /** Resolves with the first view matching, or rejects after timeoutMs. */
    async waitFor(match: (view: any) => boolean, timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = views.find(v => match(v.view));
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`no matching view within ${timeoutMs} ms`);
        await new Promise<void>(resolve => {
          const t = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
    async close() {
      abort.abort();
      await done;
    },
  };
}
