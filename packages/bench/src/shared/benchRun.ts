import { Command } from 'commander';
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

/**
 * One option of a bench's command line: its flags (`--runs <n>`, `--no-ui`), its help, its
 * default, and for a whole-number option (a number default) the least value it takes.
 */
export type BenchOption =
  | readonly [flags: string, help: string, defaultValue: number, min?: number]
  | readonly [flags: string, help: string, defaultValue?: string];

type BenchOptionValues<T extends Record<string, BenchOption>> = {
  [K in keyof T]: T[K][2] extends number
    ? number
    : T[K][2] extends string
    ? string
    : boolean;
};

/**
 * A bench's command line (`bench:<name>`), parsed from `process.argv`. Each key of `options` is
 * the name commander gives the option (`--no-ui` is `ui`); an option with a number default comes
 * back as a whole number, checked by `wholeOption`.
 */
export function benchCommand<T extends Record<string, BenchOption>>(
  name: string,
  description: string | undefined,
  options: T,
): BenchOptionValues<T> {
  const program = new Command().name(`bench:${name}`);
  if (description) program.description(description);
  for (const [flags, help, defaultValue] of Object.values(options)) {
    if (defaultValue === undefined) program.option(flags, help);
    else program.option(flags, help, String(defaultValue));
  }
  const raw = program.parse().opts();
  const values: Record<string, unknown> = {};
  for (const [key, [flags, , defaultValue, min]] of Object.entries(options)) {
    values[key] =
      typeof defaultValue === 'number'
        ? wholeOption(raw[key], flags.split(' ')[0], min)
        : raw[key];
  }
  return values as BenchOptionValues<T>;
}
