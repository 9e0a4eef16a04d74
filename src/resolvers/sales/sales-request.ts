import { config } from '../../config';
import { isTimeZone } from '../../database/time-zones';
import { badUserInput, limitExceeded } from '../../errors';

const MAX_LIMIT = 500;

/** A period [from, to) with from before to. */
export function checkPeriod(input: { from: Date; to: Date }): void {
  if (input.from >= input.to) throw badUserInput('input.from must be before input.to (the period is [from, to))', { field: 'input.from' });
}

export function timeZoneOf(timeZone: string | undefined | null): string {
  if (timeZone == null) return 'UTC';
  if (!isTimeZone(timeZone)) {
    throw badUserInput(`input.timeZone ${JSON.stringify(timeZone)} is not a time zone that both IANA and the database know (e.g. Europe/Paris)`, { field: 'input.timeZone' });
  }
  return timeZone;
}

export function currencyOf(currency: string | undefined | null): { currency: string; baseCurrency: string } {
  if (currency != null && !/^[A-Z]{3}$/.test(currency)) {
    throw badUserInput(`input.currency ${JSON.stringify(currency)} is not an ISO 4217 code such as USD`, { field: 'input.currency' });
  }
  return { currency: currency ?? config().REPORTING_CURRENCY, baseCurrency: config().REPORTING_CURRENCY };
}

export function checkLimit(limit: number): number {
  if (limit > MAX_LIMIT) throw limitExceeded('MAX_LEADS_LIMIT', MAX_LIMIT, limit, 'input.limit');
  if (!Number.isInteger(limit) || limit < 1) {
    throw badUserInput(`input.limit must be between 1 and ${MAX_LIMIT}; got ${limit}`, { field: 'input.limit', limit: MAX_LIMIT });
  }
  return limit;
}
