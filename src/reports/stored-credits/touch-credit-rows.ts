import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { journeyCredits } from '../../attribution/journey-credits';
import { ConversionBasis, JourneyTouch, orderJourney } from '../../attribution/journey';
import { BinaryCopyRows } from '../../database/binary-copy';
import { Transaction } from '../../database/sql';
import { DealJourney, journeyContext, ReportTouch } from '../journeys/journey-stream';
import { STORED_CREDIT_MODELS } from './stored-credit-models';

// The keys a row is flagged the first of, per deal, with their flag columns.
const FIRST_OF_KEYS: ReadonlyArray<readonly [string, (touch: ReportTouch) => string | null]> = [
  ['first_of_channel', (touch) => touch.channel],
  ['first_of_campaign', (touch) => touch.campaignId],
  ['first_of_source_medium', (touch) => touch.sourceMedium],
];

/** touch_credits' columns, in the order writeCreditRows writes them. */
export const CREDIT_COLUMNS = [
  'deal_id', 'basis', 'touch_id', 'conversion_at', 'currency', 'amount_minor', 'channel', 'campaign_id', 'source_medium',
  'first_of_deal', ...FIRST_OF_KEYS.map(([flag]) => flag),
  ...STORED_CREDIT_MODELS.flatMap(({ suffix }) => [`credit_${suffix}`, `share_${suffix}`]),
];

const MODELS = STORED_CREDIT_MODELS.map(({ options }) => options);

interface SourcedTouch extends JourneyTouch {
  readonly source: ReportTouch;
}

// The row of a deal without a credited touch: its journey is empty, or its amount (NULL here)
// could not be converted into the reporting currency.
function writeDealRow(rows: BinaryCopyRows, deal: DealJourney, basis: ConversionBasis, currency: string): void {
  rows.row(CREDIT_COLUMNS.length);
  rows.int8Digits(deal.dealId);
  rows.text(basis);
  rows.null();
  rows.timestamptz(deal.conversionMicros);
  rows.text(currency);
  if (deal.convertedMinor === null) rows.null();
  else rows.int8(deal.convertedMinor);
  rows.null();
  rows.null();
  rows.null();
  rows.bool(true);
  for (let key = 0; key < FIRST_OF_KEYS.length; key += 1) rows.bool(false);
  for (let model = 0; model < MODELS.length; model += 1) {
    rows.int8(0n);
    rows.float8(0);
  }
}

/**
 * Writes one deal's touch_credits rows on `basis` as binary COPY rows (CREDIT_COLUMNS): one per
 * journey touch, with its keys, the first-of flags (the earliest touch of the deal and of each key)
 * and every stored model's credit and share; or the one row of a deal whose journey is empty or
 * whose amount could not be converted. The journey is ordered once, and every model credits it.
 */
export function writeCreditRows(rows: BinaryCopyRows, deal: DealJourney, basis: ConversionBasis, currency: string): void {
  const amountMinor = deal.convertedMinor;
  if (amountMinor === null || deal.touches.length === 0) {
    writeDealRow(rows, deal, basis, currency);
    return;
  }
  const journey = orderJourney(deal.touches.map((touch): SourcedTouch => ({
    id: touch.id, occurredAt: touch.occurredAt, occurredMicros: touch.occurredMicros, channel: touch.channel, key: touch.channel, source: touch,
  })));
  const context = journeyContext(deal, basis);
  const credits = MODELS.map((options) => journeyCredits(amountMinor, journey, context, options));
  const seen = FIRST_OF_KEYS.map(() => new Set<string | null>());
  journey.forEach(({ source }, index) => {
    rows.row(CREDIT_COLUMNS.length);
    rows.int8Digits(deal.dealId);
    rows.text(basis);
    rows.int8Digits(source.id);
    rows.timestamptz(deal.conversionMicros);
    rows.text(currency);
    rows.int8(amountMinor);
    rows.text(source.channel);
    if (source.campaignId === null) rows.null();
    else rows.int8Digits(source.campaignId);
    rows.text(source.sourceMedium!);
    rows.bool(index === 0);
    FIRST_OF_KEYS.forEach(([, keyOf], key) => {
      const value = keyOf(source);
      rows.bool(!seen[key].has(value));
      seen[key].add(value);
    });
    for (const { amounts, shares } of credits) {
      rows.int8(amounts[index]);
      rows.float8(shares[index]);
    }
  });
}

/** Copies credit rows into `table` in one COPY. */
export async function copyCreditRows(tx: Transaction, table: string, rows: BinaryCopyRows): Promise<void> {
  const copy = tx.client.query(copyFrom(`COPY ${table} (${CREDIT_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT binary)`));
  await pipeline(Readable.from(rows.finish()), copy);
}
