import { isTimeZone } from '../../database/time-zones';
import { badUserInput, limitExceeded } from '../../errors';
import { Currencies } from '../../reports/currency';

// The checks every report input shares: period, time zone, currency and list limits.

const MAX_LIMIT = 500;

/** A period [from, to) with from before to; either end may be open. */
export function checkPeriod(from: Date | null | undefined, to: Date | null | undefined): void {
  if (from && to && from >= to) throw badUserInput('input.from must be before input.to (the period is [from, to))', { field: 'input.from' });
}

/** A time zone name both IANA and the database know, UTC when none is given. */
export function timeZoneOf(timeZone: string | undefined | null): string {
  if (timeZone == null) return 'UTC';
  if (!isTimeZone(timeZone)) {
    throw badUserInput(`input.timeZone ${JSON.stringify(timeZone)} is not a time zone that both IANA and the database know (e.g. Europe/Paris)`, { field: 'input.timeZone' });
  }
  return timeZone;
}

/** The report currency (default: the reporting currency) and the currency FX rates convert into. */
export function currenciesOf(currency: string | undefined | null, reportingCurrency: string): Currencies {
  if (currency != null && !/^[A-Z]{3}$/.test(currency)) {
    throw badUserInput(`input.currency ${JSON.stringify(currency)} is not an ISO 4217 code such as USD`, { field: 'input.currency' });
  }
  return { currency: currency ?? reportingCurrency, baseCurrency: reportingCurrency };
}

export function checkLimit(limit: number): number {
  if (limit > MAX_LIMIT) throw limitExceeded('MAX_LEADS_LIMIT', MAX_LIMIT, limit, 'input.limit');
  if (!Number.isInteger(limit) || limit < 1) {
    throw badUserInput(`input.limit must be between 1 and ${MAX_LIMIT}; got ${limit}`, { field: 'input.limit', limit: MAX_LIMIT });
  }
  return limit;
}
