import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/** The versioned knex migrations of the plugin, shipped in the package's `migrations/`. */
export const migrationsDirectory = resolvePackagePath(
  '@kubeplatform/plugin-devenv-backend',
  'migrations',
);

/**
 * Brings the plugin's tables to the newest schema.
 *
 * On PostgreSQL, replicas that start together would race: knex's own migration lock makes the
 * loser fail ("Migration table is already locked"), and two first runs even collide creating
 * knex_migrations. So the migrations run in one transaction that first takes a transaction-level
 * advisory lock: a second replica waits for the first to commit, then finds nothing left to do.
 */
export async function migrateDatabase(db: Knex): Promise<void> {
  if (db.client.dialect !== 'postgresql') {
    await db.migrate.latest({ directory: migrationsDirectory });
    return;
  }
  await db.transaction(async trx => {
    await trx.raw(
      "SELECT pg_advisory_xact_lock(hashtext('devenv migrations'))",
    );
    await trx.migrate.latest({ directory: migrationsDirectory });
  });
}
