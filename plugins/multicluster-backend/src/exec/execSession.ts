import { POD_EXEC_CLOSE_CODES } from '@kubeplatform/clusters-common';
import { Exec, KubeConfig, V1Status } from '@kubernetes/client-node';
import { PassThrough, Writable } from 'node:stream';
import type { WebSocket } from 'ws';
import { ExecTarget } from './authorizeExec';

/** Why a terminal closed; the code and reason the browser's WebSocket sees. */
export interface ExecEnd {
  code: number;
  reason: string;
}

export const CLOSE = POD_EXEC_CLOSE_CODES;

/** A resizable terminal output: client-node reads `columns`/`rows` and listens for 'resize'. */
class TerminalOutput extends Writable {
  columns = 80;
  rows = 24;
  constructor(private readonly browser: WebSocket) {
    super();
  }
  _write(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error) => void) {
    if (this.browser.readyState === this.browser.OPEN) {
      this.browser.send(chunk, { binary: true }, () => done());
    } else done();
  }
  resize(cols: number, rows: number) {
    this.columns = cols;
    this.rows = rows;
    this.emit('resize');
  }
}

/** A resize message from the browser: `{"type":"resize","cols":N,"rows":N}`. */
function parseResize(text: string): { cols: number; rows: number } | undefined {
  try {
    const msg: unknown = JSON.parse(text);
    if (typeof msg !== 'object' || msg === null) return undefined;
    const { type, cols, rows } = msg as Record<string, unknown>;
    const ok = (n: unknown): n is number =>
      typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 1000;
    return type === 'resize' && ok(cols) && ok(rows)
      ? { cols, rows }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Relays one terminal between the browser's WebSocket and an exec on the cluster (with a TTY,
 * so stdout and stderr arrive as one stream): binary frames are stdin and output, text frames
 * are resizes. Ends on the command's exit, either side closing, the time limit, idleness, or
 * `stillAllowed` answering an end (checked every `recheckMs`). Resolves with how it ended.
 */
export function runExecSession(args: {
  browser: WebSocket;
  kubeConfig: KubeConfig;
  target: ExecTarget;
  command: string[];
  limits: { maxDurationMs: number; idleTimeoutMs: number; recheckMs: number };
  /** Resolves undefined while the session may go on, or how it must end. */
  stillAllowed: () => Promise<ExecEnd | undefined>;
}): Promise<ExecEnd> {
  const { browser, target, limits } = args;
  const stdin = new PassThrough();
  const output = new TerminalOutput(browser);
  let cluster: { close(): void } | undefined;
  let ended: ExecEnd | undefined;
  let resolveEnd: (end: ExecEnd) => void = () => {};
  const done = new Promise<ExecEnd>(resolve => {
    resolveEnd = resolve;
  });
  const timers: NodeJS.Timeout[] = [];
  const handles: { idle?: NodeJS.Timeout; recheck?: NodeJS.Timeout } = {};

  const end = (how: ExecEnd) => {
    if (ended) return;
    ended = how;
    timers.forEach(clearTimeout);
    clearTimeout(handles.idle);
    clearInterval(handles.recheck);
    stdin.end();
    cluster?.close();
    if (
      browser.readyState === browser.OPEN ||
      browser.readyState === browser.CONNECTING
    ) {
      browser.close(how.code, how.reason.slice(0, 120));
    }
    resolveEnd(how);
  };

  handles.idle = setTimeout(
    () => end({ code: CLOSE.timedOut, reason: 'idle timeout' }),
    limits.idleTimeoutMs,
  );
  timers.push(
    setTimeout(
      () => end({ code: CLOSE.timedOut, reason: 'time limit reached' }),
      limits.maxDurationMs,
    ),
  );
  handles.recheck = setInterval(() => {
    args.stillAllowed().then(
      how => how && end(how),
      () => end({ code: CLOSE.failed, reason: 'access check failed' }),
    );
  }, limits.recheckMs);

  browser.on('message', (data: Buffer, isBinary: boolean) => {
    clearTimeout(handles.idle);
    handles.idle = setTimeout(
      () => end({ code: CLOSE.timedOut, reason: 'idle timeout' }),
      limits.idleTimeoutMs,
    );
    if (isBinary) {
      stdin.write(data);
      return;
    }
    const size = parseResize(data.toString('utf8'));
    if (size) output.resize(size.cols, size.rows);
  });
  browser.on('close', () =>
    end({ code: CLOSE.exited, reason: 'closed by the browser' }),
  );
  browser.on('error', () =>
    end({ code: CLOSE.failed, reason: 'browser connection failed' }),
  );

  new Exec(args.kubeConfig)
    .exec(
      target.namespace,
      target.pod,
      target.container,
      args.command,
      output,
      null,
      stdin,
      true,
      (status: V1Status) => {
        const exit =
          status.status === 'Success'
            ? 'exited'
            : `exited: ${status.message ?? status.reason ?? 'failure'}`;
        end({ code: CLOSE.exited, reason: exit });
      },
    )
    .then(
      socket => {
        cluster = socket;
        if (ended) socket.close();
        socket.on('close', () => end({ code: CLOSE.exited, reason: 'exited' }));
      },
      (error: unknown) =>
        end({
          code: CLOSE.failed,
          reason: `exec failed: ${
            error instanceof Error ? error.message : 'unknown error'
          }`,
        }),
    );
  return done;
}
