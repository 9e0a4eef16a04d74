import { GraphQLError } from 'graphql';
import { Queryable, SqlParams } from '../database/sql';
import { badUserInput, missingFxRate } from '../errors';

/** The currencies of a report: what amounts are reported in, and what FX rates convert into. */
export interface Currencies {
  /** The currency amounts are reported in. */
  readonly currency: string;
  /** REPORTING_CURRENCY: rates are recorded as units of it per unit of another currency. */
  readonly baseCurrency: string;
}

// Decimals by currency code, as read once: the currencies table is ISO 4217 reference data that
// only migrations write, and every report asked for it in a round trip of its own.
const knownMinorUnits = new Map<string, number>();

/** Decimals of a report currency; an unknown code is the caller's mistake. */
export async function minorUnitsOf(db: Queryable, currency: string): Promise<number> {
  const known = knownMinorUnits.get(currency);
  if (known !== undefined) return known;
  const [row] = await db.query<Array<{ minor_units: number }>>('SELECT minor_units FROM currencies WHERE code = $1', [currency]);
  if (!row) throw badUserInput(`currency ${JSON.stringify(currency)} is not an ISO 4217 currency code`, { field: 'input.currency' });
  knownMinorUnits.set(currency, row.minor_units);
  return row.minor_units;
}

/**
 * The one error for an amount in `currency` that could not be converted on `day` into the report
 * currency. Converting goes through the base currency, so the rate missing is the amount's own
 * or else the report currency's: the error names the one that is missing.
 */
export async function missingRateError(db: Queryable, currency: string, day: string, currencies: Currencies): Promise<GraphQLError> {
  const has = async (code: string) => code === currencies.baseCurrency || (await db.query<unknown[]>(
    'SELECT 1 FROM fx_rates WHERE currency = $1 AND rate_date <= $2 AND deleted_at IS NULL LIMIT 1',
    [code, day])).length > 0;
  return missingFxRate((await has(currency)) ? currencies.currency : currency, day, currencies.currency);
}

/** Throws missingRateError for `missing` ("EUR 2025-03-01", as the report SQL names it), if set. */
export async function throwMissingRate(db: Queryable, missing: string | null | undefined, currencies: Currencies): Promise<void> {
  if (!missing) return;
  const [currency, day] = missing.split(' ');
  throw await missingRateError(db, currency, day, currencies);
}

// Units of the report currency per unit of `currency` on `day`: rates are stored against the base
// currency, so a report in another currency divides by that currency's rate. NULL when missing.
function rateSql(currency: string, day: string, params: SqlParams, currencies: Currencies): string {
  const latest = (code: string) => `(SELECT f.rate FROM fx_rates f WHERE f.currency = ${code} AND f.rate_date <= ${day}
                                     AND f.deleted_at IS NULL ORDER BY f.rate_date DESC LIMIT 1)`;
  const base = params.add(currencies.baseCurrency);
  const report = params.add(currencies.currency);
  return `(CASE WHEN ${currency} = ${base} THEN 1::numeric ELSE ${latest(currency)} END
           / CASE WHEN ${report} = ${base} THEN 1::numeric ELSE ${latest(report)} END)`;
}

/**
 * Exact conversion of minor units, rounded half away from zero; NULL when a rate is missing.
 * `minorUnits`: the amount currency's decimals, when the caller has joined them (else looked up).
 */
export function convertSql(amountMinor: string, currency: string, day: string, params: SqlParams, currencies: Currencies,
  minorUnits = `(SELECT minor_units FROM currencies WHERE code = ${currency})`): string {
  const report = params.add(currencies.currency);
  return `CASE WHEN ${currency} = ${report} THEN ${amountMinor}
               ELSE round(${amountMinor} * ${rateSql(currency, day, params, currencies)}
                          * power(10::numeric, (SELECT minor_units FROM currencies WHERE code = ${report}) - ${minorUnits})) END`;
}
