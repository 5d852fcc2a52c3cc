import type { EntityView } from '@kubeplatform/clusters-common';

/** An open `text/event-stream` of entity views, read with fetch as the browser reads it. */
export interface ViewStream {
  /** Resolves when the stream ends, by the server or by `close()`. */
  ended: Promise<void>;
  /** Set when the server ended the stream or it failed, rather than `close()`. */
  endedByServer: () => boolean;
  close(): Promise<void>;
}

export async function openViewStream(
  url: string,
  onView: (view: EntityView, at: number) => void,
): Promise<ViewStream> {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal });
  if (res.status !== 200 || !res.body) {
    throw new Error(`stream ${url}: HTTP ${res.status} ${await res.text()}`);
  }
  let closing = false;
  let byServer = false;
  const reader = res.body.getReader();
  const ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (let sep = buffer.indexOf('\n\n'); sep >= 0; ) {
          const message = buffer.slice(0, sep);
          buffer = buffer.slice(sep + 2);
          sep = buffer.indexOf('\n\n');
          const lines = message.split('\n');
          if (!lines.includes('event: view')) continue;
          const data = lines
            .filter(l => l.startsWith('data: '))
            .map(l => l.slice(6))
            .join('\n');
          onView(JSON.parse(data), Date.now());
        }
      }
    } catch (error) {
      if (!closing) throw error;
    } finally {
      if (!closing) byServer = true;
    }
  })().catch(() => undefined);
  return {
    ended,
    endedByServer: () => byServer,
    async close() {
      closing = true;
      abort.abort();
      await ended;
    },
  };
}

/** The bench change a view shows for the bench Deployment, or undefined when it shows none. */
export function benchSeqOf(
  view: EntityView,
  where: { cluster: string; namespace: string; name: string },
  replicasOf: (seq: number) => number,
): number | undefined {
  const workload = view.clusters
    .find(c => c.cluster.name === where.cluster)
    ?.workloads.find(
      w =>
        w.kind === 'Deployment' &&
        w.namespace === where.namespace &&
        w.name === where.name,
    );
  const tag = workload?.images[0]?.tag;
  const match = tag && /^v(\d+)$/.exec(tag);
  if (!workload || !match) return undefined;
  const seq = Number(match[1]);
  return workload.replicas.desired === replicasOf(seq) ? seq : undefined;
}
