import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ComponentPorts } from './kwokConfigFiles';

/** The component ports kwokctl recorded in a cluster's kwok.yaml. */
export function recordedPorts(
  workdir: string,
): Partial<ComponentPorts> | undefined {
  const file = path.join(workdir, 'kwok.yaml');
  if (!fs.existsSync(file)) return undefined;
  for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
    const json = doc.toJSON() as {
      kind?: string;
      options?: Partial<ComponentPorts>;
    } | null;
    if (
      json?.kind === 'KwokctlConfiguration' &&
      json.options?.kubeApiserverPort
    ) {
      const o = json.options;
      return {
        kubeApiserverPort: o.kubeApiserverPort,
        etcdPort: o.etcdPort,
        etcdPeerPort: o.etcdPeerPort,
        kwokControllerPort: o.kwokControllerPort,
        kubeControllerManagerPort: o.kubeControllerManagerPort,
        kubeSchedulerPort: o.kubeSchedulerPort,
        metricsServerPort: o.metricsServerPort,
      };
    }
  }
  return undefined;
}
