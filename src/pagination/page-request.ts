import { badUserInput, limitExceeded } from '../errors';
import { CursorPosition, decodeCursor } from './cursor';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** The SQL types a sort key can have; a cursor value is cast back to this type. */
export type SortType = 'timestamptz' | 'date' | 'numeric' | 'text';

/**
 * One way to order a list. `sql` is a never-null expression over the listed table's alias `t`;
 * ties are broken by `t.id` in the same direction, so every ordering is total and stable.
 */
export interface SortKey {
  name: string;
  sql: string;
  type: SortType;
}

/** The Relay arguments as GraphQL passes them. */
export interface PageArguments {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A validated page: `backward` for last/before, the cursor to start from, if any. */
export interface PageRequest {
  size: number;
  backward: boolean;
  cursor: CursorPosition | null;
  sortKey: SortKey;
  descending: boolean;
}

// How PostgreSQL prints each type (TimeZone is UTC): a forged cursor must not reach the SQL cast.
const sortValueFormats: Record<SortType, RegExp> = {
  timestamptz: /^(-?infinity|\d{4,}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?\+00)$/,
  date: /^(-?infinity|\d{4,}-\d\d-\d\d)$/,
  numeric: /^-?\d{1,30}(\.\d{1,30})?$/,
  text: /^[^\0]*$/,
};

function checkSize(value: number, argumentName: string): number {
  if (value > MAX_PAGE_SIZE) throw limitExceeded('MAX_PAGE_SIZE', MAX_PAGE_SIZE, value, argumentName);
  if (!Number.isInteger(value) || value < 1) {
    throw badUserInput(`${argumentName} must be between 1 and ${MAX_PAGE_SIZE}`, { argumentName, min: 1, max: MAX_PAGE_SIZE });
  }
  return value;
}

function cursorOf(value: string, sortKey: SortKey, argumentName: string): CursorPosition {
  const position = decodeCursor(value, sortKey.name, argumentName);
  if (!sortValueFormats[sortKey.type].test(position.sortValue)) {
    throw badUserInput(`${argumentName} is not a cursor of this list in ${sortKey.name} order`, { argumentName });
  }
  return position;
}

/**
 * Checks the Relay arguments: forward with first/after, backward with last/before, never both;
 * a page holds 1 to 100 items, 20 when neither first nor last is given.
 */
export function pageRequest(args: PageArguments, sortKey: SortKey, descending: boolean): PageRequest {
  const { first, after, last, before } = args;
  if (first != null && last != null) {
    throw badUserInput('first and last cannot be used together: pass first (with after) or last (with before)', { argumentName: 'last' });
  }
  const backward = last != null || (before != null && first == null);
  if (backward && after != null) {
    throw badUserInput('after cannot be used with last or before: page forward with first/after, backward with last/before', { argumentName: 'after' });
  }
  if (!backward && before != null) {
    throw badUserInput('before cannot be used with first: page backward with last/before', { argumentName: 'before' });
  }
  const size = backward
    ? (last == null ? DEFAULT_PAGE_SIZE : checkSize(last, 'last'))
    : (first == null ? DEFAULT_PAGE_SIZE : checkSize(first, 'first'));
  const cursorArgument = backward ? before : after;
  const cursor = cursorArgument == null ? null : cursorOf(cursorArgument, sortKey, backward ? 'before' : 'after');
  return { size, backward, cursor, sortKey, descending };
}
