import type { MachineLoad } from './machine';

/** What a bench result records about the run itself. */
export interface BenchRunFacts {
  date: string;
  command: string;
  machine: { nproc: number; cpuModel: string };
  load: { before: MachineLoad; after: MachineLoad };
}

/** The percentiles of one measured latency, in ms; absent where nothing was measured. */
export interface LatencyPercentiles {
  n: number;
  p50?: number;
  p90?: number;
  p99?: number;
  max?: number;
}

/** The docs sentence on how a bench ran: command, date, machine and load around it. */
export function runConditions(r: BenchRunFacts): string {
  return `\`${r.command}\`, ${r.date}, ${r.machine.nproc} × ${
    r.machine.cpuModel
  }. Load average
(1/5/15 min) before ${r.load.before.loadavg.join(
    ' / ',
  )}, after ${r.load.after.loadavg.join(
    ' / ',
  )}: the machine was shared with other work while this ran`;
}
