import type {
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { migrateDatabase } from './migrateDatabase';
import { PendingAuditRows } from './PendingAuditRows';

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
    options: { retryMs?: number; pendingLimit?: number } = {},
  ): Promise<AuditTrail> {
    const db = await database.getClient();
    if (!database.migrations?.skip) {
      await migrateDatabase(db);
    }
    return new AuditTrail(db, logger, options);
  }

  private readonly pending: PendingAuditRows<Record<string, unknown>>;

  private constructor(
    private readonly db: Knex,
    private readonly logger: LoggerService,
    options: { retryMs?: number; pendingLimit?: number } = {},
  ) {
    this.pending = new PendingAuditRows(
      async rows => {
        await this.db(TABLE).insert(rows);
      },
      logger,
      {
        retryMs: options.retryMs ?? 5000,
        limit: options.pendingLimit ?? 10000,
      },
    );
  }

  /**
   * Records an entry. When the database refuses it (for example while it is unreachable), the
   * row waits in memory, in order, and is written when the database takes rows again.
   */
  async record(entry: AuditEntry): Promise<void> {
    const row = {
      ...entry,
      at: new Date(entry.at),
      message: entry.message?.slice(0, 2000),
    };
    if (this.pending.size > 0) {
      // Keep the order: what waits goes first.
      this.pending.add(row);
      await this.pending.flush();
      return;
    }
    try {
      await this.db(TABLE).insert(row);
    } catch (error) {
      this.logger.error(
        `Could not record audit entry for ${entry.method} ${
          entry.path
        } yet; it waits for the database: ${(error as Error).message}`,
      );
      this.pending.add(row);
    }
  }

  /** How many entries wait for the database. */
  get unrecorded(): number {
    return this.pending.size;
  }

  /** Stops retrying (at shutdown); what still waits is logged as lost. */
  stop(): void {
    this.pending.stop();
    if (this.pending.size > 0) {
      this.logger.error(
        `${this.pending.size} audit row(s) could not be recorded before shutdown`,
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
