import type { DatabaseService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'crypto';
import type { Knex } from 'knex';
import { migrateDatabase } from '../audit/migrateDatabase';
import type { EnvironmentNotice } from './environmentNotices';

const TABLE = 'devenv_notifications';

/** A row of `devenv_notifications`: one notice that went (or is going) out. */
export interface SentNotification {
  key: string;
  kind: EnvironmentNotice['kind'];
  cluster: string;
  environment: string;
  recipient: string;
  sentAt: string;
}

/**
 * The notices already sent, in the plugin's database. Claiming a notice inserts its row; the
 * unique key lets exactly one claimant win, whichever replica or run it is, so only the winner
 * sends.
 */
export class SentNotifications {
  static async create(database: DatabaseService): Promise<SentNotifications> {
    const db = await database.getClient();
    if (!database.migrations?.skip) {
      await migrateDatabase(db);
    }
    return new SentNotifications(db);
  }

  constructor(private readonly db: Knex) {}

  /**
   * Records the notice as sent. Returns a claim token when this caller won the notice, and
   * undefined when it was already claimed.
   */
  async claim(
    notice: EnvironmentNotice,
    now: Date,
  ): Promise<string | undefined> {
    const claim = randomUUID();
    await this.db(TABLE)
      .insert({
        key: notice.key,
        claim,
        kind: notice.kind,
        cluster: notice.environment.cluster,
        environment: notice.environment.name,
        recipient: notice.environment.owner,
        sent_at: now,
      })
      .onConflict('key')
      .ignore();
    const row = await this.db(TABLE)
      .where({ key: notice.key })
      .first<{ claim: string } | undefined>('claim');
    return row?.claim === claim ? claim : undefined;
  }

  /** Gives a claimed notice up (its sending failed), so that a later run sends it. */
  async release(key: string, claim: string): Promise<void> {
    await this.db(TABLE).where({ key, claim }).delete();
  }

  async list(
    filter: { cluster?: string; environment?: string } = {},
  ): Promise<SentNotification[]> {
    const query = this.db(TABLE).select().orderBy('id');
    if (filter.cluster) query.where('cluster', filter.cluster);
    if (filter.environment) query.where('environment', filter.environment);
    const rows = await query;
    return rows.map(row => ({
      key: row.key,
      kind: row.kind,
      cluster: row.cluster,
      environment: row.environment,
      recipient: row.recipient,
      sentAt: new Date(row.sent_at).toISOString(),
    }));
  }
}
