import { machine, MachineLoad } from './machine';

/**
 * What a bench's raw result starts with: which bench, when, the command that reproduces it, the
 * machine, and the machine's load before and after the measurement.
 */
export function resultHeader<B extends string>(
  bench: B,
  command: string,
  load: { before: MachineLoad; after: MachineLoad },
) {
  return {
    bench,
    date: new Date().toISOString(),
    command,
    machine: machine(),
    load,
  };
}
