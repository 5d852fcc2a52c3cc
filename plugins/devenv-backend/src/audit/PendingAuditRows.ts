import type { LoggerService } from '@backstage/backend-plugin-api';

/**
 * Audit rows the database refused (it was unreachable), kept in memory in their order and
 * written again until it takes them, so a database outage does not lose the record of requests
 * served meanwhile. Bounded: past `limit` rows the oldest are dropped, and each drop is logged.
 */
export class PendingAuditRows<Row> {
  private readonly rows: Row[] = [];
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;

  constructor(
    private readonly write: (rows: Row[]) => Promise<void>,
    private readonly logger: LoggerService,
    private readonly options: { retryMs: number; limit: number },
  ) {}

  get size(): number {
    return this.rows.length;
  }

  add(row: Row): void {
    this.rows.push(row);
    if (this.rows.length > this.options.limit) {
      this.rows.shift();
      this.logger.error(
        `Dropped the oldest unrecorded audit row: more than ${this.options.limit} wait for the database`,
      );
    }
    this.scheduleRetry();
  }

  /** Writes what is pending, oldest first; on failure keeps it and retries later. */
  flush(): Promise<void> {
    if (!this.flushing) {
      this.flushing = this.flushOnce().finally(() => {
        this.flushing = undefined;
      });
    }
    return this.flushing;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async flushOnce(): Promise<void> {
    if (this.rows.length === 0) return;
    const batch = this.rows.slice(0, 100);
    try {
      await this.write(batch);
    } catch (error) {
      this.scheduleRetry();
      return;
    }
    this.rows.splice(0, batch.length);
    this.logger.info(
      `Recorded ${batch.length} audit row(s) that waited for the database`,
    );
    if (this.rows.length > 0) {
      await this.flushOnce();
    }
  }

  private scheduleRetry(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(() => {});
    }, this.options.retryMs);
    this.timer.unref?.();
  }
}
