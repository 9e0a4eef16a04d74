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

// PostgreSQL's last years: a later timestamptz or date is out of its range.
const MAX_YEAR = { timestamptz: 294275, date: 5874896 };
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** Whether year-month-day is a day of the calendar that PostgreSQL can hold in `type`. */
function isCalendarDay([year, month, day]: number[], type: keyof typeof MAX_YEAR): boolean {
  const days = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  return year >= 1 && year <= MAX_YEAR[type] && days !== undefined && day >= 1 && day <= days;
}

const TIMESTAMP = /^(\d{4,6})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(\.\d{1,6})?\+00$/;
const DATE = /^(\d{4,7})-(\d\d)-(\d\d)$/;

// A cursor is untrusted input: its sort value must be one PostgreSQL prints for the sort key's type
// (TimeZone is UTC), down to the calendar, so that a forged one never reaches the SQL cast.
const sortValueChecks: Record<SortType, (value: string) => boolean> = {
  timestamptz: (value) => {
    const parts = TIMESTAMP.exec(value)?.slice(1, 7).map(Number);
    return /^-?infinity$/.test(value)
      || (parts !== undefined && isCalendarDay(parts, 'timestamptz') && parts[3] <= 23 && parts[4] <= 59 && parts[5] <= 59);
  },
  date: (value) => {
    const parts = DATE.exec(value)?.slice(1, 4).map(Number);
    return /^-?infinity$/.test(value) || (parts !== undefined && isCalendarDay(parts, 'date'));
  },
  numeric: (value) => /^-?\d{1,30}(\.\d{1,30})?$/.test(value),
  text: (value) => /^[^\0]*$/.test(value),
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
  if (!sortValueChecks[sortKey.type](position.sortValue)) {
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
