import type { SeededRandom } from './random';

// The demo data lives in a fixed window, whatever today is, so every run yields the same rows.
export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** First day of the data. */
export const DATA_START = Date.UTC(2025, 0, 1);
/** The moment the data ends (exclusive): deals still open then are OPEN. */
export const DATA_END = Date.UTC(2026, 6, 1);
/** Months from DATA_START to DATA_END. */
export const DATA_MONTHS = 18;

export const monthStart = (month: number) => Date.UTC(2025, month, 1);

/** The month index (0 = January 2025) of a moment inside the window. */
export function monthOf(time: number): number {
  const date = new Date(time);
  return (date.getUTCFullYear() - 2025) * 12 + date.getUTCMonth();
}

export const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

export const isoTime = (time: number) => new Date(time).toISOString();

/** A time of day in business hours (UTC, roughly spread over the regions), in ms. */
export const businessHours = (random: SeededRandom) => random.int(7 * HOUR, 19 * HOUR);
