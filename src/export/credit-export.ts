import { DataSource } from 'typeorm';
import { connect } from '../database/sql';
import { RuleBasedOptions } from '../attribution/rule-based-model';
import { creditDeal } from '../attribution/credit';
import { JourneyTouch } from '../attribution/journey';
import { toNumber } from '../attribution/ratio';
import { formatMinorUnits } from '../catalog/money';
import { ROW_KEY_SEPARATOR } from '../reports/attribution-aggregator';
import { AttributionRequest } from '../reports/attribution-report.types';
import { minorUnitsOf } from '../reports/currency';
import { storedColumns } from '../reports/stored-credits/stored-credit-report';
import { refreshTouchCredits } from '../reports/stored-credits/touch-credit-refresh';
import { DealJourney, journeyContext, streamJourneys } from '../reports/journeys/journey-stream';
import { missingRateError } from '../reports/currency';
import { isTouchDimension } from '../reports/report-scope';
import { touchKey } from '../reports/row-keys';
import { CREDIT_COLUMNS } from './credit-columns';
import { Cell, CSV, FlatFormat } from './flat-format';
import { storedCreditCsv } from './stored-credit-csv';
import { StoredRateMissing, storedCreditLines } from './stored-credit-lines';

const UNATTRIBUTED = 'UNATTRIBUTED';

interface Credited {
  request: AttributionRequest;
  models: readonly RuleBasedOptions[];
  amount: (minor: bigint) => string;
}

/**
 * One deal's lines: per model, each journey touch with its credit (0 when the model gives it
 * none), or for an empty journey one UNATTRIBUTED line holding the whole amount, as the reports
 * count it. Repeats collapse by the report's grouping key, as the reports do.
 */
function dealLines(deal: DealJourney, amountMinor: bigint, { request, models, amount }: Credited): Cell[][] {
  const { basis, currency } = request.scope;
  const head = (options: RuleBasedOptions): Cell[] => [options.model, basis, deal.externalId, deal.conversionAt.toISOString(), currency,
    amount(amountMinor), amountMinor.toString()];
  if (deal.touches.length === 0) {
    return models.map((options) => [...head(options), true, null, null, UNATTRIBUTED, null, null,
      amount(amountMinor), amountMinor.toString(), 1]);
  }
  const touchDimensions = request.groupBy.filter(isTouchDimension);
  const journey: JourneyTouch[] = deal.touches.map((touch) => ({
    id: touch.id, occurredAt: touch.occurredAt, occurredMicros: touch.occurredMicros, channel: touch.channel,
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

type StoredModels = ReadonlyArray<readonly [string, string]>;

// Default options: the stored credits; any other option: journeys credited one deal at a time.
async function* creditLines(dataSource: DataSource, request: AttributionRequest, models: readonly RuleBasedOptions[],
  stored: StoredModels | undefined): AsyncGenerator<Cell[][]> {
  const connection = await connect(dataSource);
  const { client } = connection;
  try {
    const minorUnits = await minorUnitsOf(connection, request.scope.currency);
    if (stored) {
      try {
        yield* storedCreditLines(client, request, stored, minorUnits);
      } catch (error) {
        if (!(error instanceof StoredRateMissing)) throw error;
        throw await missingRateError(connection, error.currency, error.day, request.scope);
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
    if (unconverted) throw await missingRateError(connection, unconverted.currency, unconverted.conversionDay, request.scope);
  } finally {
    await connection.release();
  }
}

/**
 * The credits export as chunks of text, header first, streamed from the database with a cursor
 * or COPY: memory holds one batch whatever the size, and a slow reader pauses the query. Default
 * options read the stored credits (as CSV, PostgreSQL writes the file itself); any other option
 * credits journeys one deal at a time. A deal without an FX rate ends the export with
 * MISSING_FX_RATE; when it is found before the first chunk, nothing has been sent.
 */
export async function* creditExport(dataSource: DataSource, request: AttributionRequest, models: readonly RuleBasedOptions[],
  format: FlatFormat): AsyncGenerator<string | Buffer> {
  const columns = storedColumns(request);
  if (columns) await refreshTouchCredits(dataSource, request.scope.baseCurrency);
  const stored = columns && models.map((options, index) => [options.model, columns[index]!] as const);
  if (stored && format === CSV) {
    yield* storedCreditCsv(dataSource, request, stored);
    return;
  }
  let header = format.header(CREDIT_COLUMNS);
  for await (const batch of creditLines(dataSource, request, models, stored)) {
    yield header + batch.map((cells) => format.row(CREDIT_COLUMNS, cells)).join('');
    header = '';
  }
  if (header) yield header;
}
