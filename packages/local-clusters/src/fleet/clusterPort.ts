import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The apiserver port kwokctl recorded in a cluster's kwok.yaml. */
export function recordedApiserverPort(workdir: string): number | undefined {
  const file = path.join(workdir, 'kwok.yaml');
  if (!fs.existsSync(file)) return undefined;
  for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
    const json = doc.toJSON() as {
      kind?: string;
      options?: { kubeApiserverPort?: number };
    } | null;
    if (
      json?.kind === 'KwokctlConfiguration' &&
      json.options?.kubeApiserverPort
    ) {
      return json.options.kubeApiserverPort;
    }
  }
  return undefined;
}
