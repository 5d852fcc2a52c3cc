import fs from 'node:fs';
import path from 'node:path';

/** True when a process with this id exists (and is not a zombie). */
export function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state letter follows the parenthesised command name.
    return (
      stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
    );
  } catch {
    return false;
  }
}

export function commandLine(pid: number): string {
  try {
    return fs
      .readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .replace(/\0/g, ' ')
      .trim();
  } catch {
    return '';
  }
}

/** Resident memory of a process in bytes, or 0 when it is gone. */
export function residentBytes(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Reads a pid file; undefined when missing or malformed. */
export function readPidFile(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The component processes kwokctl started for one cluster, from its pids folder. */
export function clusterProcesses(
  workdir: string,
): { component: string; pid: number }[] {
  const dir = path.join(workdir, 'pids');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter(file => file.endsWith('.pid'))
    .map(file => ({
      component: file.replace(/\.pid$/, ''),
      pid: readPidFile(path.join(dir, file)) ?? 0,
    }))
    .filter(p => p.pid > 0 && isAlive(p.pid));
}

/**
 * Every live process whose command line mentions `marker` (an absolute path under our state
 * folder). Used by `down` to find components whose pid files were lost.
 */
export function processesMentioning(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    if (commandLine(pid).includes(marker) && isAlive(pid)) pids.push(pid);
  }
  return pids;
}

/** Sends SIGTERM, waits up to `graceMs`, then SIGKILL. Resolves once every pid is gone. */
export async function terminate(
  pids: number[],
  graceMs = 10_000,
): Promise<void> {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + graceMs;
  while (pids.some(isAlive) && Date.now() < deadline) {
    await new Promise(r => setTimeout(r, 200));
  }
  for (const pid of pids.filter(isAlive)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
