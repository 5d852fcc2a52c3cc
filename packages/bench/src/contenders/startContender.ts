import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stopChild } from '../shared/childProcess';
import { StallReport } from './stallMonitor';
import {
  ContenderMessage,
  ContenderName,
  ContenderRequest,
  ContenderSpec,
} from './types';

/** A contender's backend, running as its own process. */
export interface ContenderProcess {
  name: ContenderName;
  pid: number;
  /** `http://127.0.0.1:<port>/api`. */
  apiUrl: string;
  /** performance.now() in this process when the child was spawned, and when it said ready. */
  /** The loopback address its connections to the clusters leave from, when it has one. */
  sourceAddress?: string;
  spawnedAt: number;
  readyAt: number;
  /** As the child measured them, from its own start. */
  childTimings: { modulesLoadedMs: number; backendStartedMs: number };
  /** What held the backend's event loop since the last call (or since it was ready). */
  takeStalls(): Promise<StallReport>;
  stop(): Promise<void>;
}

/**
 * Starts one contender's backend as a child process (TypeScript through Backstage's node
 * transform, as `yarn start` runs a backend) on a port the OS picks, and resolves once it listens.
 * The config, which holds cluster tokens, goes through a 0600 file that is removed at once.
 */
export async function startContender(
  name: ContenderName,
  spec: ContenderSpec,
  options: { onSpawn?: (spawnedAt: number) => void } = {},
): Promise<ContenderProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`));
  const specPath = path.join(dir, 'spec.json');
  fs.writeFileSync(specPath, JSON.stringify(spec), { mode: 0o600 });
  const spawnedAt = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      resolvePackagePath(
        '@kubeplatform/bench',
        'src/contenders/contenderMain.ts',
      ),
      name,
      specPath,
    ],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  options.onSpawn?.(spawnedAt);
  try {
    const { port, modulesLoadedMs, backendStartedMs } = await waitForReady(
      child,
      name,
    );
    return {
      name,
      pid: child.pid!,
      sourceAddress: spec.sourceAddress,
      apiUrl: `http://127.0.0.1:${port}/api`,
      spawnedAt,
      readyAt: performance.now(),
      childTimings: { modulesLoadedMs, backendStartedMs },
      takeStalls: () => takeStalls(child, name),
      stop: () => stopContender(child),
    };
  } catch (error) {
    await stopContender(child);
    throw error;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function waitForReady(
  child: ChildProcess,
  name: string,
): Promise<Extract<ContenderMessage, { type: 'ready' }>> {
  return new Promise((resolve, reject) => {
    // Backstage's node transform also talks on this channel ({ type: 'watch' }); ignore that.
    child.on('message', (message: ContenderMessage | { type: string }) => {
      if (!isContenderMessage(message)) return;
      if (message.type === 'ready') resolve(message);
      else if (message.type === 'failed')
        reject(
          new Error(`${name} backend failed to start: ${message.message}`),
        );
    });
    child.on('exit', code =>
      reject(
        new Error(
          `${name} backend exited with code ${code} before it was ready`,
        ),
      ),
    );
    child.on('error', reject);
  });
}

function takeStalls(child: ChildProcess, name: string): Promise<StallReport> {
  return new Promise((resolve, reject) => {
    const timer: { timeout?: NodeJS.Timeout } = {};
    const onMessage = (message: ContenderMessage | { type: string }) => {
      if (!isContenderMessage(message) || message.type !== 'stalls') return;
      child.off('message', onMessage);
      clearTimeout(timer.timeout);
      resolve(message.report);
    };
    timer.timeout = setTimeout(() => {
      child.off('message', onMessage);
      reject(
        new Error(`${name} backend did not report its stalls within 10 s`),
      );
    }, 10_000);
    child.on('message', onMessage);
    const request: ContenderRequest = { type: 'take-stalls' };
    child.send(request);
  });
}

/** Closing the IPC channel asks contenderMain to stop its backend; a child without one gets SIGTERM. */
function stopContender(child: ChildProcess): Promise<void> {
  return stopChild(child, {
    graceMs: 10_000,
    askToStop: () =>
      child.connected ? child.disconnect() : child.kill('SIGTERM'),
  });
}

function isContenderMessage(message: {
  type: string;
}): message is ContenderMessage {
  return (
    message.type === 'ready' ||
    message.type === 'failed' ||
    message.type === 'stalls'
  );
}
