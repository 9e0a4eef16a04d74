import { encodeCursor } from './cursor';
import { PageRequest } from './page-request';

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** One page of a list, without its total. */
export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** A Relay connection; the total is counted only when a client asks for it. */
export interface Connection<T> extends Page<T> {
  nodes: T[];
  countTotal(): Promise<number>;
}

/** The keyset columns every page query adds to its rows. */
export interface KeysetColumns {
  sortValue: string;
}

/**
 * Turns the rows of a keyset query (at most size + 1, in query order) into a page. The extra row
 * only tells that there is more in the direction of travel; backward pages are read in reverse.
 */
export function toPage<T extends { id: string }>(rows: Array<{ sortValue: string; row: T }>, page: PageRequest): Page<T> {
  const more = rows.length > page.size;
  const kept = rows.slice(0, page.size);
  if (page.backward) kept.reverse();
  const edges = kept.map(({ sortValue, row }) => ({
    cursor: encodeCursor(page.sortKey.name, { sortValue, id: row.id }),
    node: row,
  }));
  // Relay lets the side we did not travel be approximate: a cursor was given, so rows lie beyond it.
  const hasCursor = page.cursor !== null;
  return {
    edges,
    pageInfo: {
      hasNextPage: page.backward ? hasCursor : more,
      hasPreviousPage: page.backward ? more : hasCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

export function toConnection<T>(page: Page<T>, countTotal: () => Promise<number>): Connection<T> {
  return { ...page, nodes: page.edges.map((edge) => edge.node), countTotal };
}
