import { ConversionBasis } from '../attribution/journey';
import { missingFxRate } from '../errors';
import { convertSql, Params } from '../reports/journey-sql';
import { ContactsRule, JourneyScope } from '../reports/report-scope';

export interface Currencies {
  /** The currency amounts are reported in. */
  currency: string;
  /** REPORTING_CURRENCY: what FX rates convert into. */
  baseCurrency: string;
}

/** Exact conversion of a deal amount on a day, as attribution reports do it (NULL when a rate is missing). */
export function convertedSql(amountMinor: string, currency: string, day: string, params: Params, currencies: Currencies): string {
  const scope: JourneyScope = { ...currencies, basis: ConversionBasis.REVENUE, timeZone: 'UTC', contacts: ContactsRule.DEAL_CONTACTS, periods: [] };
  return `(${convertSql(amountMinor, currency, day, params, scope)})`;
}

/** "EUR 2025-03-01" naming the first amount that could not be converted, as SQL over `currency`/`day`. */
export const missingSql = (converted: string, currency: string, day: string, amountNeeded = 'true') =>
  `min(CASE WHEN ${amountNeeded} AND ${converted} IS NULL THEN ${currency} || ' ' || ${day} END)`;

/** Throws the missing-rate error when `missing` ("EUR 2025-03-01") is set. */
export function checkMissing(missing: string | null, into: string): void {
  if (!missing) return;
  const [currency, day] = missing.split(' ');
  throw missingFxRate(currency, day, into);
}
