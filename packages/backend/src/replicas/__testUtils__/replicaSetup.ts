import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** What scripts/test-replicas hands the test: the unpacked bundle, a work folder, PostgreSQL. */
export interface ReplicaSetup {
  repoRoot: string;
  bundle: string;
  workdir: string;
  postgresDir: string;
  postgres: { host: string; port: number; user: string; password: string };
  /** The local fleet's app-config (clusters and their tokens). */
  clustersConfig: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run the replica test with 'yarn test:replicas'`,
    );
  }
  return value;
}

export function readReplicaSetup(): ReplicaSetup {
  const postgresDir = required('KUBEPLATFORM_REPLICAS_POSTGRES_DIR');
  const repoRoot = required('KP_ROOT');
  return {
    repoRoot,
    bundle: required('KUBEPLATFORM_REPLICAS_BUNDLE'),
    workdir: required('KUBEPLATFORM_REPLICAS_WORKDIR'),
    postgresDir,
    postgres: {
      host: '127.0.0.1',
      port: Number(
        fs.readFileSync(path.join(postgresDir, 'port'), 'utf8').trim(),
      ),
      user: 'postgres',
      password: fs
        .readFileSync(path.join(postgresDir, 'password'), 'utf8')
        .trim(),
    },
    clustersConfig: path.join(
      repoRoot,
      '.local-clusters/app-config.local-clusters.yaml',
    ),
  };
}

/** A port nothing listens on now (never 7007, which the end-to-end tests use). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address() as net.AddressInfo;
        server.close(() => resolve(address.port));
      });
    });
    if (port !== 7007) return port;
  }
}
