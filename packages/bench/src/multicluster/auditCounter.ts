import fs from 'node:fs';
import path from 'node:path';

/** Where a log stood when the counter was created. */
interface LogStart {
  /** The log's inode then: the apiserver renames a full log and starts a new one. */
  ino: number;
  offset: number;
  /** Inodes of the log's rotated siblings then, which hold nothing new. */
  before: Set<number>;
}

/**
 * Counts Kubernetes API requests from the apiservers' audit logs (Metadata level, service-account
 * requests). Each log is read from the offset it had when the counter was created, so only
 * requests made after that are seen. The apiserver rotates a log at its size limit (renamed to
 * `audit-<time>.log` beside it): the renamed file is read on from the offset, and every log file
 * that appeared since is read whole.
 */
export class AuditCounter {
  private readonly starts: Map<string, LogStart>;

  constructor(private readonly paths: string[]) {
    this.starts = new Map(
      paths.map(p => {
        const stat = fs.existsSync(p) ? fs.statSync(p) : undefined;
        return [
          p,
          {
            ino: stat?.ino ?? -1,
            offset: stat?.size ?? 0,
            before: new Set(siblings(p).map(s => s.ino)),
          },
        ];
      }),
    );
  }

  /** Requests (ResponseComplete events) since construction that `match` accepts. */
  count(match: (event: AuditEvent) => boolean): number {
    let n = 0;
    for (const log of this.paths) {
      const start = this.starts.get(log)!;
      for (const file of [...siblings(log), ...current(log)]) {
        if (file.ino === start.ino) {
          n += countLines(file.path, start.offset, match);
        } else if (!start.before.has(file.ino)) {
          n += countLines(file.path, 0, match);
        }
      }
    }
    return n;
  }
}

interface LogFile {
  path: string;
  ino: number;
}

function current(log: string): LogFile[] {
  return fs.existsSync(log) ? [{ path: log, ino: fs.statSync(log).ino }] : [];
}

/** The rotated copies of `log` (`audit.log` → `audit-2026-12-02T03-13-50.325.log`). */
function siblings(log: string): LogFile[] {
  const dir = path.dirname(log);
  const ext = path.extname(log);
  const prefix = `${path.basename(log, ext)}-`;
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter(name => name.startsWith(prefix) && name.endsWith(ext))
    .map(name => {
      const file = path.join(dir, name);
      return { path: file, ino: fs.statSync(file).ino };
    });
}

function countLines(
  file: string,
  from: number,
  match: (event: AuditEvent) => boolean,
): number {
  const size = fs.statSync(file).size;
  if (size <= from) return 0;
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(size - from);
  fs.readSync(fd, buffer, 0, buffer.length, from);
  fs.closeSync(fd);
  let n = 0;
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
  return n;
}

export interface AuditEvent {
  stage: string;
  requestURI: string;
  verb: string;
  userAgent?: string;
  sourceIPs?: string[];
  user?: { username?: string };
}
