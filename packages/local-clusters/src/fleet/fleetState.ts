import fs from 'node:fs';
import path from 'node:path';
import { StatePaths } from '../paths';
import { ServiceAccountTokens } from './serviceAccounts';

/** One running cluster as `up` recorded it. Holds tokens: the file is written mode 0600. */
export interface ClusterState {
  name: string;
  title: string;
  region: string;
  environment: string;
  /** The kubeconfig context naming this cluster. */
  context: string;
  server: string;
  port: number;
  /** Base64 PEM of the cluster CA. */
  caData: string;
  /** The kube-system namespace UID: tells this cluster apart from another on the same port. */
  identity: string;
  /** Fingerprint of the Stages, audit policy and demo fleet the cluster was made with. */
  configHash: string;
  /** The kwokctl working directory: pki, etcd data, component logs, audit log. */
  workdir: string;
  auditLogPath: string;
  tokens: ServiceAccountTokens;
  limitedNamespaces: string[];
  /** Pods created by scale mode in this cluster (0 for the demo fleet alone). */
  scalePods: number;
  /** What the scale-mode pods look like (absent in states from before shapes: `plain`). */
  scaleShape?: 'plain' | 'production';
  seededAt?: string;
}

export interface FleetState {
  version: 1;
  binDir: string;
  clusters: ClusterState[];
  updatedAt: string;
}

export function readFleetState(paths: StatePaths): FleetState | undefined {
  if (!fs.existsSync(paths.stateFile)) return undefined;
  const raw = JSON.parse(fs.readFileSync(paths.stateFile, 'utf8'));
  if (raw?.version !== 1 || !Array.isArray(raw.clusters)) {
    throw new Error(
      `${paths.stateFile} is not a local-clusters state file; run \`yarn clusters down\` and \`yarn clusters up\``,
    );
  }
  return raw as FleetState;
}

export function writeFleetState(paths: StatePaths, state: FleetState): void {
  writePrivateFile(paths.stateFile, `${JSON.stringify(state, null, 2)}\n`);
}

/** Writes a file only its owner can read, atomically, so a reader never sees half of it. */
export function writePrivateFile(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600 });
  fs.renameSync(tmp, file);
}
