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
