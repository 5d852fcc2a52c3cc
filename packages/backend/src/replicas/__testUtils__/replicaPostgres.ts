import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { ReplicaSetup } from './replicaSetup';

/** The part of node-postgres the test uses; the repository has no @types/pg. */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
}
const { Client } = require('pg') as {
  Client: new (options: {
    host: string;
    port: number;
    user: string;
    password: string;
    database: string;
    connectionTimeoutMillis: number;
  }) => PgClient;
};

/** Runs one query in a database of the test's PostgreSQL (a fresh connection each time). */
export async function queryDatabase<T = any>(
  setup: ReplicaSetup,
  database: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({
    ...setup.postgres,
    database,
    connectionTimeoutMillis: 5_000,
  });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Stops or starts the test's PostgreSQL with scripts/lib/postgres.sh (same port, same data). */
export function controlPostgres(setup: ReplicaSetup, action: 'stop' | 'start') {
  const lib = path.join(setup.repoRoot, 'scripts/lib');
  execFileSync(
    'bash',
    [
      '-c',
      `source "$1/env.sh" && source "$1/postgres.sh" && kp_postgres_${action} "$2"`,
      '_',
      lib,
      setup.postgresDir,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], timeout: 90_000 },
  );
}

/** Runs one query in a plugin's database (pluginDivisionMode: database). */
export function queryPlugin<T = any>(
  setup: ReplicaSetup,
  pluginId: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return queryDatabase<T>(setup, `backstage_plugin_${pluginId}`, sql, params);
}
