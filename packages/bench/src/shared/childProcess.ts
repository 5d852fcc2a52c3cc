import { ChildProcess } from 'node:child_process';
import net from 'node:net';

/**
 * Asks a child process to stop (SIGTERM unless `askToStop` says otherwise), kills it when it has
 * not exited after `graceMs`, and resolves once it has exited.
 */
export function stopChild(
  child: ChildProcess,
  options: { graceMs?: number; askToStop?: () => void } = {},
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  const { graceMs = 15_000, askToStop = () => child.kill('SIGTERM') } = options;
  return new Promise(resolve => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    askToStop();
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
