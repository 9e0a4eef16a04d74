import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { ModelOptions } from '../attribution/attribution-model';
import { creditDeal } from '../attribution/credit';
import { JourneyTouch } from '../attribution/journey';
import { toNumber } from '../attribution/ratio';
import { formatMinorUnits } from '../catalog/money';
import { ROW_KEY_SEPARATOR } from '../reports/attribution-aggregator';
import { AttributionRequest } from '../reports/attribution-report.service';
import { minorUnitsOf } from '../reports/currency';
import { storedColumns } from '../reports/stored-credit-report';
import { refreshTouchCredits } from '../reports/touch-credit-refresh';
import { DealJourney, journeyContext, streamJourneys } from '../reports/journey-stream';
import { missingRateError } from '../reports/missing-rate';
import { isPeriod } from '../reports/report-scope';
import { touchKey } from '../reports/row-keys';
import { Cell } from './flat-format';
import { StoredRateMissing, storedCreditLines } from './stored-credit-lines';

export const CREDIT_COLUMNS = [
  'model', 'basis', 'deal_external_id', 'conversion_at', 'currency', 'deal_amount', 'deal_amount_minor', 'unattributed',
  'touch_external_id', 'occurred_at', 'channel', 'campaign_external_id', 'source_medium', 'credit', 'credit_minor', 'share',
];

const UNATTRIBUTED = 'UNATTRIBUTED';

interface Credited {
  request: AttributionRequest;
  models: readonly ModelOptions[];
  amount: (minor: bigint) => string;
}

/**
 * One deal's lines: per model, each journey touch with its credit (0 when the model gives it
 * none), or for an empty journey one UNATTRIBUTED line holding the whole amount, as the reports
 * count it. Repeats collapse by the report's grouping key, as the reports do.
 */
function dealLines(deal: DealJourney, amountMinor: bigint, { request, models, amount }: Credited): Cell[][] {
  const { basis, currency } = request.scope;
  const head = (options: ModelOptions): Cell[] => [options.model, basis, deal.externalId, deal.conversionAt.toISOString(), currency,
    amount(amountMinor), amountMinor.toString()];
  if (deal.touches.length === 0) {
    return models.map((options) => [...head(options), true, null, null, UNATTRIBUTED, null, null,
      amount(amountMinor), amountMinor.toString(), 1]);
  }
  const touchDimensions = request.groupBy.filter((dimension) => !isPeriod(dimension));
  const journey: JourneyTouch[] = deal.touches.map((touch) => ({
    id: touch.id, occurredAt: touch.occurredAt, channel: touch.channel,
    key: touchDimensions.map((dimension) => touchKey(touch, dimension)).join(ROW_KEY_SEPARATOR),
  }));
  const context = journeyContext(deal, basis);
  return models.flatMap((options) => {
    const credits = new Map(creditDeal(amountMinor, journey, context, options).map((credit) => [credit.touch.id, credit]));
    return deal.touches.map((touch) => {
      const credit = credits.get(touch.id);
      const minor = credit?.amountMinor ?? 0n;
      return [...head(options), false, touch.externalId, touch.occurredAt.toISOString(), touch.channel, touch.campaignExternalId,
        touch.sourceMedium, amount(minor), minor.toString(), credit ? toNumber(credit.share) : 0];
    });
  });
}

/**
 * Every credit line of the request, streamed from the database with a cursor: memory holds one
 * batch whatever the size, and a slow reader pauses the query. Default options read the stored
 * credits; any other option credits journeys one deal at a time. A deal without an FX rate ends
 * the export with MISSING_FX_RATE.
 */
export async function* creditLines(dataSource: DataSource, request: AttributionRequest, models: readonly ModelOptions[]): AsyncGenerator<Cell[][]> {
  // Default options: the stored credits, brought up to date as a stored report would.
  const columns = storedColumns(request);
  if (columns) await refreshTouchCredits(dataSource, request.scope.baseCurrency);
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    const minorUnits = await minorUnitsOf(runner, request.scope.currency);
    if (columns) {
      try {
        yield* storedCreditLines(client, request, models.map((options, index) => [options.model, columns[index]!] as const), minorUnits);
      } catch (error) {
        if (!(error instanceof StoredRateMissing)) throw error;
        throw await missingRateError(runner, error.currency, error.day, request.scope);
      }
      return;
    }
    const credited: Credited = { request, models, amount: (minor) => formatMinorUnits(minor.toString(), minorUnits) };
    let unconverted: DealJourney | undefined;
    for await (const deal of streamJourneys(client, request.scope)) {
      // The stream holds the connection: it is closed (break) before the rate is looked up.
      if (deal.convertedMinor === null) {
        unconverted = deal;
        break;
      }
      yield dealLines(deal, deal.convertedMinor, credited);
    }
    if (unconverted) throw await missingRateError(runner, unconverted.currency, unconverted.conversionDay, request.scope);
  } finally {
    await runner.release();
  }
}
