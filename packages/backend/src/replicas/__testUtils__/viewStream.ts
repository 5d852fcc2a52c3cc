import { ServerSentEventParser } from '@kubeplatform/clusters-common';

/** One `event: view` of an SSE stream of the multicluster entity view, with when it arrived. */
export interface StreamedView {
  at: number;
  view: any;
}

/**
 * Opens the live entity-view stream (Server-Sent Events) and collects its views, so that a test
 * can wait for a view that shows a change.
 */
export async function openViewStream(url: string, token: string) {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body) {
    abort.abort();
    throw new Error(`stream ${url} answered ${response.status}`);
  }
  const views: StreamedView[] = [];
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new ServerSentEventParser();
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      for (const { event, data } of parser.push(value)) {
        if (event === 'view') {
          views.push({ at: Date.now(), view: JSON.parse(data) });
        }
      }
    }
  })().catch(() => undefined);

  return {
    views,
    /** The first view (arrived so far or later) for which `matches` holds. */
    async waitFor(
      matches: (view: any) => boolean,
      timeoutMs: number,
    ): Promise<StreamedView> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = views.find(v => matches(v.view));
        if (found) return found;
        if (Date.now() > deadline) {
          throw new Error(
            `no matching view on ${url} within ${timeoutMs} ms (${views.length} views seen)`,
          );
        }
        await new Promise(r => setTimeout(r, 50));
      }
    },
    async close() {
      abort.abort();
      await reading;
    },
  };
}
