import { Dimension } from './report-scope';
import { NONE } from './row-keys';

// Where each deal attribute lives: the deal's own column (alias d) or its account's (alias a).
const COLUMN: Partial<Record<Dimension, string>> = {
  [Dimension.INDUSTRY]: 'a.industry',
  [Dimension.SEGMENT]: 'a.segment',
  [Dimension.SIZE]: 'a.size',
  [Dimension.OWNER]: 'd.owner',
};

/** A deal attribute's key, from deals `d` left-joined to their accounts `a`: "(none)" when absent. */
export const joinedAttributeSql = (dimension: Dimension) => `coalesce(${COLUMN[dimension]}, '${NONE}')`;

/** The same key from deals `d` alone, the account looked up by id: computed once per deal. */
export function dealAttributeSql(dimension: Dimension): string {
  const column = COLUMN[dimension]!;
  return column.startsWith('a.')
    ? `coalesce((SELECT ${column} FROM accounts a WHERE a.id = d.account_id), '${NONE}')`
    : joinedAttributeSql(dimension);
}
