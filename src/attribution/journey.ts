/** One marketing touch of a deal's journey, as the attribution engine sees it. */
export interface JourneyTouch {
  /** Unique within a journey: breaks ties between touches at the same instant. */
  readonly id: string;
  /** When it happened, to the millisecond: what the models measure times with. */
  readonly occurredAt: Date;
  /**
   * When it happened to the microsecond (since the epoch), as PostgreSQL keeps it, when known:
   * orders touches less than a millisecond apart as SQL does.
   */
  readonly occurredMicros?: number;
  /** Channel slug; LAST_NON_DIRECT checks it against the direct channels. */
  readonly channel: string;
  /** What credit is grouped by: channel slug, campaign id, source/medium... */
  readonly key: string;
}

export enum ConversionBasis {
  /** Won deals, converting at `closedAt`. */
  REVENUE = 'REVENUE',
  /** Deals created in the period, converting at their `createdAt`. */
  PIPELINE = 'PIPELINE',
}

/** The deal facts the models need besides the touches. */
export interface JourneyContext {
  /** t*: the deal's `closedAt` for revenue reports, its `createdAt` for pipeline reports. */
  readonly conversionAt: Date;
  /** Earliest `createdAt` of the journey's contacts; null when unknown. */
  readonly leadCreatedAt: Date | null;
  readonly dealCreatedAt: Date;
  /** Null in pipeline reports. */
  readonly closedAt: Date | null;
  readonly basis: ConversionBasis;
}

const DIGITS = /^\d+$/;

/**
 * Database ids are bigint digit strings: '9' must come before '10'. Other ids compare by code
 * unit, after every digit id: comparing mixed pairs lexically would not be transitive
 * ('20' < '1000' < '1:' < '20'), and sorting would then depend on the input order.
 */
export function compareIds(a: string, b: string): number {
  const aDigits = DIGITS.test(a);
  const bDigits = DIGITS.test(b);
  if (aDigits !== bDigits) return aDigits ? -1 : 1;
  if (aDigits) {
    // Without leading zeros, the longer number is the larger, and equal lengths compare as text:
    // no bigint to build for every comparison of every journey's sort.
    if (a[0] !== '0' && b[0] !== '0' && a.length !== b.length) return a.length < b.length ? -1 : 1;
    if (a[0] !== '0' && b[0] !== '0') return a < b ? -1 : a > b ? 1 : 0;
    const difference = BigInt(a) - BigInt(b);
    if (difference !== 0n) return difference < 0n ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

const micros = (touch: JourneyTouch) => touch.occurredMicros ?? touch.occurredAt.getTime() * 1000;

export function compareTouches(a: JourneyTouch, b: JourneyTouch): number {
  return micros(a) - micros(b) || compareIds(a.id, b.id);
}

/** The journey in `(occurredAt, id)` order, whatever order the caller gave it in. */
export function orderJourney<T extends JourneyTouch>(touches: readonly T[]): T[] {
  return [...touches].sort(compareTouches);
}
