import { badUserInput } from '../errors';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<Array<{ minor_units: number }>>;
}

/** Decimals of a report currency; an unknown code is the caller's mistake. */
export async function minorUnitsOf(db: Queryable, currency: string): Promise<number> {
  const [row] = await db.query('SELECT minor_units FROM currencies WHERE code = $1', [currency]);
  if (!row) throw badUserInput(`currency ${JSON.stringify(currency)} is not an ISO 4217 currency code`, { field: 'input.currency' });
  return row.minor_units;
}
