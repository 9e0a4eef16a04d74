import { escapeLiteral, type PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { reportTimeout } from '../errors';

// The one way the service runs SQL: parameterised statements on the DataSource (a Queryable), or
// inside `withTransaction`.

/** What running SQL needs: a DataSource, or an open transaction. Rows come back as an array. */
export interface Queryable {
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Collects the values of one parameterised statement and hands out their $n placeholders. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** An open transaction: statements, and the pg client itself for streams (COPY, cursors). */
export interface Transaction extends Queryable {
  readonly client: PoolClient;
  /** Ends the transaction with a rollback even though the work succeeds: a refused batch writes nothing. */
  rollbackAtEnd(): void;
}

export interface TransactionOptions {
  /** One read-only snapshot for every statement (REPEATABLE READ READ ONLY), as reports need. */
  readonly snapshot?: boolean;
  /** Settings for this transaction only (set_config(..., true)), e.g. statement_timeout. */
  readonly settings?: Readonly<Record<string, string>>;
}

// Reports sort and hash the touches of whole journeys: with the default 4MB, the data-driven
// journeys and a stored CHANNEL x MONTH report of the 1M-touch demo spill to disk and take up to
// twice as long. JIT compilation cost 50-60 ms per report statement on PostgreSQL 15, more than
// it ever saved here.
const REPORT_WORK_MEM = '32MB';

// SQLSTATE query_canceled: what the statement timeout raises.
const QUERY_CANCELED = '57014';

/** One pooled connection: statements, the pg client for streams, and transactions on it. */
export interface Connection extends Queryable {
  readonly client: PoolClient;
  /**
   * Runs `work` in one transaction on this connection: committed when it resolves (unless it
   * called rollbackAtEnd), rolled back when it throws.
   */
  transaction<T>(options: TransactionOptions, work: (tx: Transaction) => Promise<T>): Promise<T>;
}

/** A pooled connection the caller holds, for a stream its consumer ends (a generator): released in a finally. */
export interface HeldConnection extends Connection {
  release(): Promise<void>;
}

export async function connect(dataSource: DataSource): Promise<HeldConnection> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  // Straight to the client: every statement gives its rows, and a lost connection fails at once,
  // where the runner would quietly take a new connection for the next statement.
  const query = async <T>(sql: string, parameters?: unknown[]): Promise<T> => (await client.query(sql, parameters)).rows as T;
  // A held client can report its loss between statements (PostgreSQL restarted, the backend was
  // terminated) more than once: the next statement fails anyway, so the events are only absorbed
  // here, never left unhandled. A lost client keeps the listener: the pool discards it on release.
  let lost = false;
  const onError = () => { lost = true; };
  client.on('error', onError);
  const release = async () => {
    await runner.release();
    if (!lost) client.removeListener('error', onError);
  };
  return { client, query, transaction: (options, inner) => transaction({ client, query }, options, inner), release };
}

/** Runs `work` on one pooled connection, released afterwards: for session state such as advisory locks. */
export async function withConnection<T>(dataSource: DataSource, work: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await connect(dataSource);
  try {
    return await work(connection);
  } finally {
    await connection.release();
  }
}

async function transaction<T>(connection: Omit<Transaction, 'rollbackAtEnd'>, options: TransactionOptions,
  work: (tx: Transaction) => Promise<T>): Promise<T> {
  let rollback = false;
  try {
    // The settings go with BEGIN, in one round trip: a statement of the simple protocol, which
    // takes no parameters (hence the quoted literals) but takes several statements.
    const settings = Object.entries(options.settings ?? {});
    const set = settings.length > 0
      ? `; SELECT ${settings.map(([name, value]) => `set_config(${escapeLiteral(name)}, ${escapeLiteral(value)}, true)`).join(', ')}` : '';
    await connection.query(`${options.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN'}${set}`);
    const result = await work({ ...connection, rollbackAtEnd: () => { rollback = true; } });
    await connection.query(rollback ? 'ROLLBACK' : 'COMMIT');
    return result;
  } catch (error) {
    // A lost connection has ended the transaction already: a failed rollback must not hide the error.
    await connection.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** `work` in one transaction on a connection of its own (see Connection.transaction). */
export function withTransaction<T>(dataSource: DataSource, options: TransactionOptions, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return withConnection(dataSource, (connection) => connection.transaction(options, work));
}

/**
 * A report's reads: one read-only snapshot, so that every statement describes the same moment,
 * each statement cancelled past `timeoutMs` (then the report's TIMEOUT error), and the report's
 * work_mem with JIT off.
 */
export async function withReportSnapshot<T>(dataSource: DataSource, timeoutMs: number, work: (tx: Transaction) => Promise<T>): Promise<T> {
  try {
    return await withTransaction(dataSource, {
      snapshot: true,
      settings: { statement_timeout: String(timeoutMs), work_mem: REPORT_WORK_MEM, jit: 'off' },
    }, work);
  } catch (error) {
    throw (error as { code?: unknown } | null)?.code === QUERY_CANCELED ? reportTimeout(timeoutMs) : error;
  }
}
