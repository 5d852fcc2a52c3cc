import { mockServices } from '@backstage/backend-test-utils';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import knexFactory, { type Knex } from 'knex';
import { AuditTrail, type AuditEntry } from './AuditTrail';
import { join } from 'node:path';
import { migrateDatabase, migrationsDirectory } from './migrateDatabase';
import { createTestDatabases } from '../__testUtils__/testDatabases';

const { databases, ids, postgres } = createTestDatabases();

jest.setTimeout(60_000);

function databaseService(db: Knex): DatabaseService {
  return { getClient: async () => db };
}

/**
 * The table exactly as the plugin created it before versioned migrations: the first migration
 * is that start-up code (same guard, same columns), so it creates the table here without
 * knex recording a migration.
 */
function createTableTheOldWay(db: Knex): Promise<void> {
  const firstMigration: { up(knex: Knex): Promise<void> } = require(join(
    migrationsDirectory,
    '20261201000000_devenv_audit.js',
  ));
  return firstMigration.up(db);
}

const oldEntries: AuditEntry[] = [
  {
    at: '2026-11-30T10:00:00.000Z',
    actor: 'user:default/ada',
    method: 'POST',
    path: '/environments',
    action: 'create',
    cluster: 'dev-eu',
    environment: 'ada-api',
    status: 201,
    outcome: 'success',
  },
  {
    at: '2026-11-30T11:30:00.000Z',
    actor: 'user:default/grace',
    method: 'DELETE',
    path: '/environments/dev-eu/ada-api',
    action: 'delete',
    cluster: 'dev-eu',
    environment: 'ada-api',
    status: 403,
    outcome: 'failure',
    message: 'not the owner',
  },
];

async function appliedMigrations(db: Knex): Promise<string[]> {
  const rows: { name: string }[] = await db('knex_migrations')
    .select('name')
    .orderBy('id');
  return rows.map(row => row.name);
}

describe.each(ids)('AuditTrail migrations on %s', databaseId => {
  it('migrates an empty database and records entries', async () => {
    const db = await databases.init(databaseId);
    const audit = await AuditTrail.create(
      databaseService(db),
      mockServices.logger.mock(),
    );

    expect(await db.schema.hasTable('devenv_audit')).toBe(true);
    expect(await appliedMigrations(db)).toEqual([
      '20261201000000_devenv_audit.js',
      '20261201010000_devenv_notifications.js',
    ]);
    await audit.record(oldEntries[0]);
    expect(await audit.list()).toEqual([oldEntries[0]]);
  });

  it('keeps the rows of a database created before versioned migrations', async () => {
    const db = await databases.init(databaseId);
    await createTableTheOldWay(db);
    for (const entry of oldEntries) {
      await db('devenv_audit').insert({ ...entry, at: new Date(entry.at) });
    }

    const audit = await AuditTrail.create(
      databaseService(db),
      mockServices.logger.mock(),
    );

    expect(await appliedMigrations(db)).toEqual([
      '20261201000000_devenv_audit.js',
      '20261201010000_devenv_notifications.js',
    ]);
    expect(await audit.list()).toEqual([...oldEntries].reverse());
    const newer: AuditEntry = {
      ...oldEntries[0],
      at: '2026-12-01T09:00:00.000Z',
      environment: 'ada-web',
    };
    await audit.record(newer);
    expect(await audit.list({ environment: 'ada-web' })).toEqual([newer]);
    expect(await audit.list()).toHaveLength(3);
  });

  it('keeps the rows the database refused while it was away, in order, and writes them when it is back', async () => {
    const db = await databases.init(databaseId);
    const audit = await AuditTrail.create(
      databaseService(db),
      mockServices.logger.mock(),
      { retryMs: 50 },
    );
    // The table is out of reach: every insert fails as it does while the server is down.
    await db.schema.renameTable('devenv_audit', 'devenv_audit_away');
    await audit.record(oldEntries[0]);
    await audit.record(oldEntries[1]);
    expect(audit.unrecorded).toBe(2);

    await db.schema.renameTable('devenv_audit_away', 'devenv_audit');
    const deadline = Date.now() + 10_000;
    while (audit.unrecorded > 0 && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 20));
    }
    expect(audit.unrecorded).toBe(0);
    const later: AuditEntry = {
      ...oldEntries[0],
      at: '2026-12-01T10:00:00.000Z',
    };
    await audit.record(later);
    expect(await audit.list()).toEqual([later, oldEntries[1], oldEntries[0]]);
    audit.stop();
  });

  it('does nothing when the database is already migrated', async () => {
    const db = await databases.init(databaseId);
    await migrateDatabase(db);
    await db('devenv_audit').insert({
      ...oldEntries[1],
      at: new Date(oldEntries[1].at),
    });

    await migrateDatabase(db);

    expect(await appliedMigrations(db)).toEqual([
      '20261201000000_devenv_audit.js',
      '20261201010000_devenv_notifications.js',
    ]);
    const audit = await AuditTrail.create(
      databaseService(db),
      mockServices.logger.mock(),
    );
    expect(await audit.list()).toEqual([oldEntries[1]]);
  });
});

// describe.each refuses an empty table: on SQLite alone there is no PostgreSQL to race on.
if (postgres.length > 0) {
  describe.each(postgres)('concurrent migrations on %s', databaseId => {
    it('two backends migrating one database at once both succeed with one schema', async () => {
      const first = await databases.init(databaseId);
      const second = knexFactory({
        client: 'pg',
        connection: first.client.config.connection,
        pool: { min: 0, max: 5 },
      });
      try {
        await Promise.all([migrateDatabase(first), migrateDatabase(second)]);

        expect(await appliedMigrations(first)).toEqual([
          '20261201000000_devenv_audit.js',
          '20261201010000_devenv_notifications.js',
        ]);
        const tables = await first('information_schema.tables')
          .where({ table_schema: 'public', table_name: 'devenv_audit' })
          .count<{ count: string }[]>('* as count');
        expect(Number(tables[0].count)).toBe(1);
      } finally {
        await second.destroy();
      }
    });
  });
}
