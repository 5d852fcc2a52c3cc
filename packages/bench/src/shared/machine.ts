import os from 'node:os';

/** Load on the machine at one moment: the 1, 5 and 15 minute load averages. */
export interface MachineLoad {
  at: string;
  loadavg: [number, number, number];
}

export function machineLoad(): MachineLoad {
  const [one, five, fifteen] = os.loadavg();
  return {
    at: new Date().toISOString(),
    loadavg: [round(one), round(five), round(fifteen)],
  };
}

export function machine() {
  return {
    nproc: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 1024 ** 3),
    node: process.version,
  };
}

function round(n: number) {
  return Math.round(n * 100) / 100;
}
