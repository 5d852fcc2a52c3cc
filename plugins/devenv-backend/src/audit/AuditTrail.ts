import type {
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { migrateDatabase } from './migrateDatabase';

const TABLE = 'devenv_audit';

/**
 * One recorded request. Never holds a token or a kubeconfig.
 *
 * @public
 */
export interface AuditEntry {
  at: string;
  actor: string;
  method: string;
  path: string;
  action: string;
  cluster?: string;
  environment?: string;
  status: number;
  outcome: 'success' | 'failure';
  message?: string;
}

/**
 * The audit trail of the devenv API, in the plugin's own database (SQLite by default,
 * PostgreSQL when the backend is configured so).
 */
export class AuditTrail {
  static async create(
    database: DatabaseService,
    logger: LoggerService,
  ): Promise<AuditTrail> {
    const db = await database.getClient();
    if (!database.migrations?.skip) {
      await migrateDatabase(db);
    }
    return new AuditTrail(db, logger);
  }

  private constructor(
    private readonly db: Knex,
    private readonly logger: LoggerService,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    try {
      await this.db(TABLE).insert({
        ...entry,
        at: new Date(entry.at),
        message: entry.message?.slice(0, 2000),
      });
    } catch (error) {
      this.logger.error(
        `Could not record audit entry for ${entry.method} ${entry.path}: ${
          (error as Error).message
        }`,
      );
    }
  }

  async list(
    filter: {
      actor?: string;
      cluster?: string;
      environment?: string;
      limit?: number;
    } = {},
  ): Promise<AuditEntry[]> {
    const query = this.db(TABLE)
      .select()
      .orderBy('id', 'desc')
      .limit(Math.min(filter.limit ?? 100, 500));
    if (filter.actor) query.where('actor', filter.actor);
    if (filter.cluster) query.where('cluster', filter.cluster);
    if (filter.environment) query.where('environment', filter.environment);
    const rows = await query;
    return rows.map(row => ({
      at: new Date(row.at).toISOString(),
      actor: row.actor,
      method: row.method,
      path: row.path,
      action: row.action,
      cluster: row.cluster ?? undefined,
      environment: row.environment ?? undefined,
      status: row.status,
      outcome: row.outcome,
      message: row.message ?? undefined,
    }));
  }
}
