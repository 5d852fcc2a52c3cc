import { readFileSync } from 'fs';
import { join } from 'path';

/**
 * Reads a fixture captured from a local cluster by capture.sh. Timestamps stay strings, as they
 * are on the wire; the detectors accept both strings and Dates.
 */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, `${name}.json`), 'utf8')) as T;
}
