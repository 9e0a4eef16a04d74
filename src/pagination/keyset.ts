import { KeysetColumns, Page, toPage } from './connection';
import { PageRequest } from './page-request';
import { Queryable, SqlParams } from '../database/sql';

/**
 * A list the API pages through: the FROM clause (the listed table is aliased `t` and has a bigint
 * `id`), the select list that yields raw rows, and how a raw row becomes what the API returns.
 */
export interface ListSource<Raw, Row> {
  from: string;
  columns: string;
  toRow(raw: Raw): Row;
}

/** Conditions over the source, with their parameter values already added to `params`. */
export interface ListFilter {
  where: string[];
  params: SqlParams;
}

/**
 * A list of child rows per parent, e.g. the touches of each lead. `belongsTo` gives the condition
 * that ties a row of `t` to the parent whose key is the given SQL expression.
 */
export interface ChildListSource<Raw, Row> extends ListSource<Raw, Row> {
  belongsTo(parentKey: string): string;
}

function whereClause(conditions: string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.map((condition) => `(${condition})`).join(' AND ')}` : '';
}

/** The ORDER BY of a page and the conditions that start it after its cursor. */
function keyset(page: PageRequest, params: SqlParams): { orderBy: string; afterCursor: string[] } {
  // Reading backward means reading the opposite order from the cursor, then reversing the rows.
  const ascending = page.descending === page.backward;
  const direction = ascending ? 'ASC' : 'DESC';
  const afterCursor = page.cursor
    ? [`(${page.sortKey.sql}, t.id) ${ascending ? '>' : '<'} `
      + `(${params.add(page.cursor.sortValue)}::${page.sortKey.type}, ${params.add(page.cursor.id)}::bigint)`]
    : [];
  return { orderBy: `${page.sortKey.sql} ${direction}, t.id ${direction}`, afterCursor };
}

function splitKeyset<Raw, Row>(source: ListSource<Raw, Row>, { sortValue, ...raw }: Raw & KeysetColumns) {
  return { sortValue, row: source.toRow(raw as Raw) };
}

/** One page of a list: a single statement that reads size + 1 rows from the cursor on (never OFFSET). */
export async function fetchPage<Raw, Row extends { id: string }>(
  db: Queryable, source: ListSource<Raw, Row>, { where, params }: ListFilter, page: PageRequest,
): Promise<Page<Row>> {
  const { orderBy, afterCursor } = keyset(page, params);
  const rows = await db.query<Array<Raw & KeysetColumns>>(
    `SELECT ${source.columns}, (${page.sortKey.sql})::text AS "sortValue"
     FROM ${source.from} ${whereClause([...where, ...afterCursor])}
     ORDER BY ${orderBy} LIMIT ${page.size + 1}`,
    params.values,
  );
  return toPage(rows.map((raw) => splitKeyset(source, raw)), page);
}

export async function countRows<Raw, Row>(db: Queryable, source: ListSource<Raw, Row>, { where, params }: ListFilter): Promise<number> {
  const [{ count }] = await db.query<Array<{ count: number }>>(
    `SELECT count(*)::int AS count FROM ${source.from} ${whereClause(where)}`, params.values);
  return count;
}

interface ChildKeysetColumns extends KeysetColumns {
  parentKey: string;
}

/**
 * The same page of children for many parents in one statement: a LATERAL subquery reads each
 * parent's size + 1 rows from the cursor on, in order (so an index on the parent key and sort key
 * serves it). Every parent gets a page, empty when it has no rows.
 */
export async function fetchChildPages<Raw, Row extends { id: string }>(
  db: Queryable, source: ChildListSource<Raw, Row>, parentIds: readonly string[], { where, params }: ListFilter,
  page: PageRequest,
): Promise<Map<string, Page<Row>>> {
  const parents = params.add(parentIds);
  const { orderBy, afterCursor } = keyset(page, params);
  const rows = await db.query<Array<Raw & ChildKeysetColumns>>(
    `SELECT parent.key::text AS "parentKey", page.*
     FROM unnest(${parents}::bigint[]) AS parent(key)
     CROSS JOIN LATERAL (
       SELECT ${source.columns}, (${page.sortKey.sql})::text AS "sortValue"
       FROM ${source.from} ${whereClause([source.belongsTo('parent.key'), ...where, ...afterCursor])}
       ORDER BY ${orderBy} LIMIT ${page.size + 1}
     ) page`,
    params.values,
  );
  // Within one parent, the rows arrive in the subquery's order (one nested-loop pass per parent).
  const byParent = new Map<string, Array<Raw & KeysetColumns>>(parentIds.map((id) => [id, []]));
  for (const { parentKey, ...raw } of rows) byParent.get(parentKey)?.push(raw as unknown as Raw & KeysetColumns);
  return new Map([...byParent].map(([parentId, parentRows]) => [
    parentId, toPage(parentRows.map((raw) => splitKeyset(source, raw)), page),
  ]));
}

/** How many children each parent has (0 for none), in one statement. */
export async function countChildren<Raw, Row>(
  db: Queryable, source: ChildListSource<Raw, Row>, parentIds: readonly string[], { where, params }: ListFilter,
): Promise<Map<string, number>> {
  const parents = params.add(parentIds);
  const rows = await db.query<Array<{ parentKey: string; count: number }>>(
    `SELECT parent.key::text AS "parentKey",
            (SELECT count(*)::int FROM ${source.from} ${whereClause([source.belongsTo('parent.key'), ...where])}) AS count
     FROM unnest(${parents}::bigint[]) AS parent(key)`,
    params.values,
  );
  return new Map(rows.map(({ parentKey, count }) => [parentKey, count]));
}
