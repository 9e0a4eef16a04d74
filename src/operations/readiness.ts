import { DataSource, MigrationExecutor } from 'typeorm';
import { logger } from '../logger';

// Load balancers probe every few seconds and give up after about one: a slower check counts as failed.
const CHECK_TIMEOUT_MS = 1_000;

export type ReadinessCheck = 'shutdown' | 'database' | 'migrations';

export type ReadinessReport = { ready: true } | { ready: false; check: ReadinessCheck; reason: string };

class CheckTimedOut extends Error {}

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new CheckTimedOut(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether this server should receive traffic: not shutting down, database answering, schema migrated. */
export class Readiness {
  private draining = false;

  constructor(private readonly dataSource: DataSource) {}

  /** From now on the server reports not ready, so that load balancers stop sending it requests. */
  startDraining(): void {
    this.draining = true;
  }

  async check(): Promise<ReadinessReport> {
    if (this.draining) return { ready: false, check: 'shutdown', reason: 'the server is shutting down' };
    try {
      await within(CHECK_TIMEOUT_MS, this.dataSource.query('SELECT 1'));
    } catch (error) {
      return this.failed('database', error instanceof CheckTimedOut ? error.message : 'unreachable', error);
    }
    try {
      // Read-only, unlike DataSource.showMigrations(), which creates the migrations table when missing.
      const pending = await within(CHECK_TIMEOUT_MS, new MigrationExecutor(this.dataSource).getPendingMigrations());
      if (pending.length > 0) return this.failed('migrations', `pending: ${pending.map((migration) => migration.name).join(', ')}`);
    } catch (error) {
      return this.failed('migrations', error instanceof CheckTimedOut ? error.message : 'could not be read', error);
    }
    return { ready: true };
  }

  // The client learns which check failed; the details, which may hold SQL or hosts, go to the log only.
  private failed(check: ReadinessCheck, reason: string, error?: unknown): ReadinessReport {
    logger.warn({ err: error, check, reason }, 'not ready');
    return { ready: false, check, reason };
  }
}
