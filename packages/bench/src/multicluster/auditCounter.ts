import fs from 'node:fs';

/**
 * Counts Kubernetes API requests from the apiservers' audit logs (Metadata level, service-account
 * requests). Each log is read from the offset it had when the counter was created, so only
 * requests made after that are seen.
 */
export class AuditCounter {
  private readonly offsets: Map<string, number>;

  constructor(private readonly paths: string[]) {
    this.offsets = new Map(
      paths.map(p => [p, fs.existsSync(p) ? fs.statSync(p).size : 0]),
    );
  }

  /** Requests (ResponseComplete events) since construction that `match` accepts. */
  count(match: (event: AuditEvent) => boolean): number {
    let n = 0;
    for (const path of this.paths) {
      const start = this.offsets.get(path) ?? 0;
      const size = fs.statSync(path).size;
      if (size <= start) continue;
      const fd = fs.openSync(path, 'r');
      const buffer = Buffer.alloc(size - start);
      fs.readSync(fd, buffer, 0, buffer.length, start);
      fs.closeSync(fd);
      for (const line of buffer.toString('utf8').split('\n')) {
        if (!line) continue;
        let event: AuditEvent;
        try {
          event = JSON.parse(line);
        } catch {
          continue;
        }
        if (event.stage === 'ResponseComplete' && match(event)) n += 1;
      }
    }
    return n;
  }
}

export interface AuditEvent {
  stage: string;
  requestURI: string;
  verb: string;
  userAgent?: string;
  sourceIPs?: string[];
  user?: { username?: string };
}
