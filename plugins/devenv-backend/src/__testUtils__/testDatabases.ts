import {
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';

/** The PostgreSQL versions TestDatabases knows, each configured by its own connection string. */
const postgresIds: TestDatabaseId[] = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
];

/**
 * The databases a database test runs on, without docker: SQLite always, and each PostgreSQL
 * whose BACKSTAGE_TEST_DATABASE_POSTGRES<N>_CONNECTION_STRING is set. With
 * KUBEPLATFORM_TEST_DATABASES=postgres (the PostgreSQL lane of ./scripts/test) only PostgreSQL
 * runs, and a lane without one fails instead of skipping.
 */
export function createTestDatabases(): {
  databases: TestDatabases;
  ids: TestDatabaseId[];
  postgres: TestDatabaseId[];
} {
  const postgresOnly = process.env.KUBEPLATFORM_TEST_DATABASES === 'postgres';
  const databases = TestDatabases.create({
    ids: postgresOnly ? postgresIds : ['SQLITE_3', ...postgresIds],
    disableDocker: true,
  });
  const ids = databases.eachSupportedId().map(([id]) => id);
  const postgres = ids.filter(id => postgresIds.includes(id));
  if (postgresOnly && postgres.length === 0) {
    throw new Error(
      'KUBEPLATFORM_TEST_DATABASES=postgres, but no PostgreSQL is configured: set BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING (./scripts/test starts one)',
    );
  }
  return { databases, ids, postgres };
}
