import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { packageDir } from '../paths';
import { commandLine, isAlive, readPidFile } from './processes';

/** A TypeScript entry of this package that runs as a background process of its own. */
export interface PackageScript {
  /** Under src/, e.g. `oidc/local-oidc-issuer.ts`; its file name marks the process. */
  entry: string;
  pidFile: string;
  /** Its standard output and error are appended here. */
  logFile: string;
  /** What it is, for the error when it cannot start: `the local OIDC issuer`. */
  title: string;
}

/** The pid in the script's pid file, when that process is alive and runs the script. */
export function runningScriptPid(script: PackageScript): number | undefined {
  const pid = readPidFile(script.pidFile);
  const marker = path.basename(script.entry, '.ts');
  if (pid && isAlive(pid) && commandLine(pid).includes(marker)) return pid;
  return undefined;
}

/**
 * Starts the script with `args` in a detached Node process (through Backstage's TypeScript
 * transform, from this package's folder), so that it outlives the command that started it,
 * writes its pid file and returns its pid.
 */
export function startPackageScript(
  script: PackageScript,
  args: string[],
): number {
  fs.mkdirSync(path.dirname(script.logFile), { recursive: true });
  const out = fs.openSync(script.logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs', {
        paths: [packageDir()],
      }),
      path.join(packageDir(), 'src', script.entry),
      ...args,
    ],
    { cwd: packageDir(), detached: true, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  child.unref();
  if (!child.pid) throw new Error(`could not start ${script.title}`);
  fs.writeFileSync(script.pidFile, `${child.pid}\n`);
  return child.pid;
}
