import { ListFilter, ListSource } from '../pagination/keyset';
import { Queryable, SqlParams } from '../database/sql';

/** A half-open time interval [from, to); either end may be open. */
export interface TimeRange {
  from?: Date;
  to?: Date;
}

/** Ingestion time and soft deletion, on every ingested record. */
export interface RecordedRow {
  recordedAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export const recordedColumns = 't.recorded_at AS "recordedAt", t.updated_at AS "updatedAt", t.deleted_at AS "deletedAt"';

/** Builds the conditions of one list query; each query gets its own (parameters are numbered). */
export class Conditions implements ListFilter {
  readonly where: string[] = [];
  readonly params = new SqlParams();

  /** Soft-deleted rows are left out unless asked for. */
  includeDeleted(include: boolean | undefined): this {
    if (!include) this.where.push('t.deleted_at IS NULL');
    return this;
  }

  equals(sql: string, value: string | undefined): this {
    if (value !== undefined) this.where.push(`${sql} = ${this.params.add(value)}`);
    return this;
  }

  /** One of the values; an empty or absent list does not filter. */
  oneOf(sql: string, values: readonly string[] | undefined, type = 'text'): this {
    if (values?.length) this.where.push(`${sql} = ANY(${this.params.add(values)}::${type}[])`);
    return this;
  }

  /** Case-insensitive prefix match (no wildcards: % and _ are plain characters). */
  startsWith(sql: string, prefix: string | undefined): this {
    if (prefix) this.where.push(`starts_with(lower(${sql}), lower(${this.params.add(prefix)}))`);
    return this;
  }

  /** Half-open [from, to): timestamps (Date) or calendar days (YYYY-MM-DD strings). */
  within(sql: string, range: { from?: Date | string; to?: Date | string } | undefined): this {
    if (range?.from) this.where.push(`${sql} >= ${this.params.add(range.from)}`);
    if (range?.to) this.where.push(`${sql} < ${this.params.add(range.to)}`);
    return this;
  }
}

/** Rows by id, whatever their deletion state, in no particular order. */
export function findByIds<Raw, Row>(db: Queryable, source: ListSource<Raw, Row>, ids: readonly string[]): Promise<Row[]> {
  return db.query<Raw[]>(`SELECT ${source.columns} FROM ${source.from} WHERE t.id = ANY($1::bigint[])`, [ids])
    .then((rows) => rows.map((raw) => source.toRow(raw)));
}

export async function findByExternalId<Raw, Row>(db: Queryable, source: ListSource<Raw, Row>, externalId: string): Promise<Row | null> {
  const [raw] = await db.query<Raw[]>(`SELECT ${source.columns} FROM ${source.from} WHERE t.external_id = $1`, [externalId]);
  return raw === undefined ? null : source.toRow(raw);
}

export const identity = <T>(raw: T): T => raw;
