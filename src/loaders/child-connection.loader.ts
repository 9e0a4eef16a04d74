import { Connection, Page, toConnection } from '../pagination/connection';
import { ChildListSource, countChildren, fetchChildPages, ListFilter } from '../pagination/keyset';
import { PageRequest } from '../pagination/page-request';
import { Queryable } from '../database/sql';
import { groupedLoader } from './grouped.loader';

/** One page of a parent's children, e.g. `lead.touches(first: 20)`. */
export type ChildConnectionLoader<Filter, Row> = (parentId: string, filter: Filter, page: PageRequest) => Promise<Connection<Row>>;

/**
 * A child list field resolved for every parent of a response in one statement per distinct set of
 * arguments (usually one), and its totals in one more, only when asked for.
 */
export function childConnectionLoader<Filter, Raw, Row extends { id: string }>(
  db: Queryable, source: ChildListSource<Raw, Row>, conditions: (filter: Filter) => ListFilter,
): ChildConnectionLoader<Filter, Row> {
  const pages = groupedLoader<{ filter: Filter; page: PageRequest }, Page<Row>>(
    (parentIds, { filter, page }) => fetchChildPages(db, source, parentIds, conditions(filter), page));
  const totals = groupedLoader<Filter, number>((parentIds, filter) => countChildren(db, source, parentIds, conditions(filter)));
  return async (parentId, filter, page) => toConnection(
    await pages.load({ parentId, args: { filter, page } }),
    () => totals.load({ parentId, args: filter }),
  );
}
