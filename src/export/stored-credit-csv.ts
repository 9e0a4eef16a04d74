import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { poolOf } from '../database/pool';
import { AttributionRequest } from '../reports/attribution-report.types';
import { missingRateError } from '../reports/currency';
import { CREDIT_COLUMNS } from './credit-columns';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = Buffer.from('\r');

/**
 * PostgreSQL's CSV is RFC 4180 but for its line ends: LF. This turns each record's LF into CRLF,
 * chunk after chunk, leaving line breaks inside quoted fields as they are (a doubled quote toggles
 * twice: no change). PostgreSQL quotes any field holding CR or LF, so no other LF is a record's end.
 */
export class CrlfRecords {
  private quoted = false;

  convert(chunk: Buffer): Buffer {
    const parts: Buffer[] = [];
    let start = 0;
    let scanned = 0;
    for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, lf + 1)) {
      this.scanQuotes(chunk, scanned, lf);
      scanned = lf;
      if (this.quoted) continue;
      parts.push(chunk.subarray(start, lf), CR);
      start = lf;
    }
    this.scanQuotes(chunk, scanned, chunk.length);
    parts.push(chunk.subarray(start));
    return Buffer.concat(parts);
  }

  private scanQuotes(chunk: Buffer, from: number, to: number): void {
    for (let index = chunk.indexOf(QUOTE, from); index !== -1 && index < to; index = chunk.indexOf(QUOTE, index + 1)) {
      this.quoted = !this.quoted;
    }
  }
}

const iso = (timestamp: string) => `to_char(${timestamp} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const decimal = (minor: string) => `round(${minor}::numeric / (10::numeric ^ cur.minor_units), cur.minor_units)`;

// COPY takes no parameters: every value below is a checked enum, a column name from the stored
// model list, or a literal escaped by the driver.
function copySql(client: PoolClient, { scope }: AttributionRequest, models: ReadonlyArray<readonly [string, string]>): string {
  const conditions = [`tc.basis = ${client.escapeLiteral(scope.basis)}`];
  if (scope.from) conditions.push(`tc.conversion_at >= ${client.escapeLiteral(scope.from.toISOString())}::timestamptz`);
  if (scope.to) conditions.push(`tc.conversion_at < ${client.escapeLiteral(scope.to.toISOString())}::timestamptz`);
  const values = models.map(([model, column]) => `(${client.escapeLiteral(model)}, tc.credit_${column}, tc.share_${column})`);
  const credit = 'CASE WHEN tc.touch_id IS NULL THEN tc.amount_minor ELSE m.credit END';
  const cells = [
    'm.model', 'tc.basis', 'd.external_id', iso('tc.conversion_at'), 'tc.currency', decimal('tc.amount_minor'), 'tc.amount_minor',
    `CASE WHEN tc.touch_id IS NULL THEN 'true' ELSE 'false' END`, 't.external_id', iso('t.occurred_at'),
    `coalesce(tc.channel, 'UNATTRIBUTED')`, 'c.external_id', 'tc.source_medium', decimal(credit), credit,
    'CASE WHEN tc.touch_id IS NULL THEN 1::float8 ELSE m.share END',
  ];
  return `COPY (
    SELECT ${cells.map((cell, index) => `${cell} AS ${CREDIT_COLUMNS[index]}`).join(', ')}
    FROM touch_credits tc
    JOIN currencies cur ON cur.code = tc.currency
    JOIN deals d ON d.id = tc.deal_id
    LEFT JOIN touches t ON t.id = tc.touch_id
    LEFT JOIN campaigns c ON c.id = tc.campaign_id
    CROSS JOIN LATERAL (VALUES ${values.join(', ')}) m(model, credit, share)
    WHERE ${conditions.join(' AND ')}
  ) TO STDOUT (FORMAT csv, HEADER true)`;
}

/**
 * The credits export as CSV chunks for default options, written by PostgreSQL itself (COPY) at the
 * speed of the floor. A missing FX rate is found before the first chunk. The COPY is pulled as the
 * client reads (backpressure).
 */
export async function* storedCreditCsv(dataSource: DataSource, request: AttributionRequest,
  models: ReadonlyArray<readonly [string, string]>): AsyncGenerator<Buffer> {
  const pool = poolOf(dataSource);
  if (!pool) throw new Error('the database is not open');
  const client = await pool.connect();
  // Mid-COPY, the connection is mid-protocol: if the export stops there, it is closed, not reused.
  let midCopy = false;
  try {
    const { scope } = request;
    const { rows } = await client.query<{ currency: string; day: string }>(`
      SELECT d.currency, (tc.conversion_at AT TIME ZONE 'UTC')::date::text AS day
      FROM touch_credits tc JOIN deals d ON d.id = tc.deal_id
      WHERE tc.basis = $1 AND tc.amount_minor IS NULL AND ($2::timestamptz IS NULL OR tc.conversion_at >= $2)
        AND ($3::timestamptz IS NULL OR tc.conversion_at < $3) LIMIT 1`, [scope.basis, scope.from ?? null, scope.to ?? null]);
    if (rows[0]) throw await missingRateError(dataSource, rows[0].currency, rows[0].day, scope);
    const records = new CrlfRecords();
    midCopy = true;
    for await (const chunk of client.query(copyTo(copySql(client, request, models))) as AsyncIterable<Buffer>) {
      yield records.convert(chunk);
    }
    midCopy = false;
  } finally {
    client.release(midCopy);
  }
}
