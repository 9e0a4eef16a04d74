import QueryStream from 'pg-query-stream';
import { ConversionBasis, JourneyContext } from '../../attribution/journey';
import type { PoolClient } from 'pg';
import { DealStatus } from '../../database/enums';
import { JourneyScope } from '../report-scope';
import { journeySql } from './journey-sql';

/** A touch of a journey with what reports group by. */
export interface ReportTouch {
  id: string;
  occurredAt: Date;
  /** Microseconds since the epoch: the order of touches less than a millisecond apart. */
  occurredMicros: number;
  channel: string;
  campaignId: string | null;
  /** Only when the scope asks for campaign details. */
  campaignExternalId: string | null;
  campaignName: string | null;
  /** Only when the scope asks for it. */
  sourceMedium: string | null;
  /** Only when the scope asks for it: AD_CLICK, WEBINAR, ... */
  type: string | null;
  /** Only when the scope asks for external ids. */
  externalId: string | null;
}

/** A deal in a report's scope with its journey (touches of its contacts, as the scope says). */
export interface DealJourney {
  dealId: string;
  /** Only when the scope asks for external ids. */
  externalId: string | null;
  amountMinor: bigint;
  currency: string;
  status: DealStatus;
  /** The amount in the report currency; null when an FX rate is missing. */
  convertedMinor: bigint | null;
  conversionDay: string;
  conversionAt: Date;
  /** The conversion time in microseconds since the epoch: what touch_credits stores. */
  conversionMicros: number;
  dealCreatedAt: Date;
  closedAt: Date | null;
  leadCreatedAt: Date | null;
  /** Period bucket start ('YYYY-MM-DD') per period dimension of the scope. */
  periods: Record<string, string>;
  /** Key ("(none)" when absent) per deal attribute dimension of the scope. */
  attributes: Record<string, string>;
  touches: ReportTouch[];
}

/** What the models need of a streamed deal besides its touches, for a report on `basis`. */
export function journeyContext(deal: DealJourney, basis: ConversionBasis): JourneyContext {
  return {
    conversionAt: deal.conversionAt,
    leadCreatedAt: deal.leadCreatedAt,
    dealCreatedAt: deal.dealCreatedAt,
    // Only a won deal closes: pipeline reports have no CLOSED milestone, even for closed deals.
    closedAt: basis === ConversionBasis.REVENUE ? deal.closedAt : null,
    basis,
  };
}

// A row as an array (journeySql's columns, in order), and where each column is in it: pg builds
// an object per row far more slowly, and a re-credit reads a million rows.
type Row = unknown[];
type ColumnIndex = Readonly<Record<string, number>>;

function startJourney(row: Row, at: ColumnIndex, scope: JourneyScope): DealJourney {
  const value = (column: string) => row[at[column]];
  const time = (column: string) => (value(column) === null ? null : new Date(value(column) as number));
  return {
    dealId: value('dealId') as string,
    externalId: value('dealExternalId') as string | null,
    amountMinor: BigInt(value('amountMinor') as string),
    currency: value('currency') as string,
    status: value('status') as DealStatus,
    convertedMinor: value('convertedMinor') === null ? null : BigInt(value('convertedMinor') as string),
    conversionDay: value('conversionDay') as string,
    conversionAt: time('conversionAt')!,
    conversionMicros: value('conversionMicros') as number,
    dealCreatedAt: time('dealCreatedAt')!,
    closedAt: time('closedAt'),
    leadCreatedAt: time('leadCreatedAt'),
    periods: Object.fromEntries(scope.periods.map((dimension) => [dimension, value(dimension) as string])),
    attributes: Object.fromEntries((scope.dealAttributes ?? []).map((dimension) => [dimension, value(dimension) as string])),
    touches: [],
  };
}

function touchOf(row: Row, at: ColumnIndex): ReportTouch {
  const occurredMicros = row[at.occurredMicros] as number;
  return {
    id: row[at.touchId] as string,
    // The millisecond the microseconds fall in (toward zero, as Date cuts a fractional time value).
    occurredAt: new Date(Math.trunc(occurredMicros / 1000)),
    occurredMicros,
    channel: row[at.channel] as string,
    campaignId: row[at.campaignId] as string | null,
    campaignExternalId: row[at.campaignExternalId] as string | null,
    campaignName: row[at.campaignName] as string | null,
    sourceMedium: row[at.sourceMedium] as string | null,
    type: row[at.touchType] as string | null,
    externalId: row[at.touchExternalId] as string | null,
  };
}

/**
 * Streams the scope's deals one journey at a time: the process holds one deal's touches, never
 * the whole touch table, whatever the data size.
 */
export async function* streamJourneys(client: PoolClient, scope: JourneyScope): AsyncGenerator<DealJourney> {
  const { sql, params, columns } = journeySql(scope);
  const at: ColumnIndex = Object.fromEntries(columns.map((column, index) => [column, index]));
  // Batches of 500 rows: a batch lives through a garbage collection or two, and at 2,000 rows
  // copying the live batches was most of the process's collection time in a re-credit.
  const stream = client.query(new QueryStream(sql, params, { batchSize: 500, rowMode: 'array' }));
  let current: DealJourney | undefined;
  // Each deal's row (no touch) comes before its touches' rows (journeySql).
  for await (const row of stream as AsyncIterable<Row>) {
    if (row[at.touchId] === null) {
      if (current) yield current;
      current = startJourney(row, at, scope);
    } else {
      current!.touches.push(touchOf(row, at));
    }
  }
  if (current) yield current;
}
