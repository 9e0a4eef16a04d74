import { badUserInput } from '../errors';

const MAX_BIGINT = 9223372036854775807n;

/** Whether text is a positive bigint, as the tables' identity ids are. */
export function isRowId(value: string): boolean {
  return /^[1-9]\d{0,18}$/.test(value) && BigInt(value) <= MAX_BIGINT;
}

/** A position in a sorted list: the sort key's value (as PostgreSQL prints it) and the row id. */
export interface CursorPosition {
  sortValue: string;
  id: string;
}

// A cursor names its ordering so that a cursor taken under another ordering is refused instead of
// silently skipping or repeating rows. base64url keeps it opaque and URL-safe.
export function encodeCursor(ordering: string, { sortValue, id }: CursorPosition): string {
  return Buffer.from(JSON.stringify([ordering, sortValue, id])).toString('base64url');
}

export function decodeCursor(cursor: string, ordering: string, argumentName: string): CursorPosition {
  const refuse = () => badUserInput(
    `${argumentName} is not a cursor of this list in ${ordering} order; use a cursor from pageInfo or edges of the same query`,
    { argumentName },
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== ordering
    || typeof parsed[1] !== 'string' || typeof parsed[2] !== 'string' || !isRowId(parsed[2])) {
    throw refuse();
  }
  return { sortValue: parsed[1], id: parsed[2] };
}
