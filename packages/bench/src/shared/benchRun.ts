import { writeDocsSection, writeRawResult } from './results';

/**
 * Writes a bench's raw result and its docs section, logs where, and prints the summary (the
 * only line on stdout).
 */
export function publishResult(
  name: string,
  heading: string,
  result: { summary: string },
  section: string,
  log: (message: string) => void,
) {
  const json = writeRawResult(name, result);
  const docs = writeDocsSection(name, heading, section);
  log(`wrote ${json} and ${docs}`);
  console.log(result.summary);
}

/** Runs a bench's main, then exits: 0, or 1 with the error on stderr. */
export function runBench(name: string, main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    error => {
      console.error(`[bench:${name}] failed: ${error.stack ?? error}`);
      process.exit(1);
    },
  );
}

/** A bench's log: one line on stderr, `[bench:<name>] …` (stdout holds only the summary). */
export function benchLog(name: string) {
  return (message: string) => console.error(`[bench:${name}] ${message}`);
}

/** A command-line option that must be a whole number of at least `min`. */
export function wholeOption(value: string, flag: string, min = 1) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new Error(
      `${flag} must be ${
        min === 1 ? 'a positive whole number' : `a whole number ≥ ${min}`
      }, got '${value}'`,
    );
  return n;
}
