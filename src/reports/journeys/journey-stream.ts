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

type Row = Record<string, unknown> & {
  dealId: string; amountMinor: string; convertedMinor: string | null; touchId: string | null;
};

function startJourney(row: Row, scope: JourneyScope): DealJourney {
  return {
    dealId: row.dealId,
    externalId: row.dealExternalId as string | null,
    amountMinor: BigInt(row.amountMinor),
    currency: row.currency as string,
    status: row.status as DealStatus,
    convertedMinor: row.convertedMinor === null ? null : BigInt(row.convertedMinor),
    conversionDay: row.conversionDay as string,
    conversionAt: new Date(row.conversionAt as number),
    conversionMicros: row.conversionMicros as number,
    dealCreatedAt: new Date(row.dealCreatedAt as number),
    closedAt: row.closedAt === null ? null : new Date(row.closedAt as number),
    leadCreatedAt: row.leadCreatedAt === null ? null : new Date(row.leadCreatedAt as number),
    periods: Object.fromEntries(scope.periods.map((dimension) => [dimension, row[dimension] as string])),
    attributes: Object.fromEntries((scope.dealAttributes ?? []).map((dimension) => [dimension, row[dimension] as string])),
    touches: [],
  };
}

function touchOf(row: Row): ReportTouch {
  return {
    id: row.touchId as string,
    // The millisecond the microseconds fall in (toward zero, as Date cuts a fractional time value).
    occurredAt: new Date(Math.trunc((row.occurredMicros as number) / 1000)),
    occurredMicros: row.occurredMicros as number,
    channel: row.channel as string,
    campaignId: row.campaignId as string | null,
    campaignExternalId: row.campaignExternalId as string | null,
    campaignName: row.campaignName as string | null,
    sourceMedium: row.sourceMedium as string | null,
    type: row.touchType as string | null,
    externalId: row.touchExternalId as string | null,
  };
}

/**
 * Streams the scope's deals one journey at a time: the process holds one deal's touches, never
 * the whole touch table, whatever the data size.
 */
export async function* streamJourneys(client: PoolClient, scope: JourneyScope): AsyncGenerator<DealJourney> {
  const { sql, params } = journeySql(scope);
  const stream = client.query(new QueryStream(sql, params, { batchSize: 2000 }));
  let current: DealJourney | undefined;
  // Each deal's row (no touch) comes before its touches' rows (journeySql).
  for await (const row of stream as AsyncIterable<Row>) {
    if (row.touchId === null) {
      if (current) yield current;
      current = startJourney(row, scope);
    } else {
      current!.touches.push(touchOf(row));
    }
  }
  if (current) yield current;
}
