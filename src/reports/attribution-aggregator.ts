import { journeyCredits } from '../attribution/journey-credits';
import { RuleBasedOptions } from '../attribution/rule-based-model';
import { ConversionBasis, JourneyTouch, orderJourney } from '../attribution/journey';
import { DealJourney, ReportTouch, journeyContext } from './journeys/journey-stream';
import { rowKey, touchKey } from './row-keys';
import { Dimension, isTouchDimension } from './report-scope';

/** One report row under construction: a value per model, in the order the models were asked. */
export interface RowTotals {
  keys: string[];
  campaignId: string | null;
  campaignName: string | null;
  revenueMinor: bigint[];
  dealCredit: number[];
  touches: number;
  influencedRevenueMinor: bigint;
  influencedDeals: number;
}

export interface ReportTotals {
  totalMinor: bigint;
  /** Amount and number of deals whose journey is empty. */
  unattributedMinor: bigint;
  deals: number;
  unattributedDeals: number;
  rows: Map<string, RowTotals>;
  /** Per model: what it left unattributed (data-driven models may leave more than empty journeys). */
  unattributedByModel?: bigint[];
  unattributedDealsByModel?: number[];
}

export const ROW_KEY_SEPARATOR = '\u001f';

interface KeyedTouch extends JourneyTouch {
  source: ReportTouch;
}

/**
 * Sums credits per row key across deals, for several models at once (compareModels runs one
 * stream for all of them). Holds only the rows, never the journeys.
 */
export class AttributionAggregator {
  readonly totals: ReportTotals = { totalMinor: 0n, unattributedMinor: 0n, deals: 0, unattributedDeals: 0, rows: new Map() };

  /** `models` in report order; null marks a model credited elsewhere (data-driven), left at 0 here. */
  constructor(
    private readonly models: readonly (RuleBasedOptions | null)[],
    private readonly groupBy: readonly Dimension[],
    private readonly basis: ConversionBasis,
  ) {}

  private rowKeys(touch: ReportTouch, deal: DealJourney): string[] {
    return this.groupBy.map((dimension) => rowKey(touch, deal, dimension));
  }

  private row(keys: string[], touch: ReportTouch): RowTotals {
    const id = keys.join(ROW_KEY_SEPARATOR);
    let row = this.totals.rows.get(id);
    if (!row) {
      const byCampaign = this.groupBy.includes(Dimension.CAMPAIGN);
      row = {
        keys,
        campaignId: byCampaign ? touch.campaignId : null,
        campaignName: byCampaign ? touch.campaignName : null,
        revenueMinor: this.models.map(() => 0n),
        dealCredit: this.models.map(() => 0),
        touches: 0,
        influencedRevenueMinor: 0n,
        influencedDeals: 0,
      };
      this.totals.rows.set(id, row);
    }
    return row;
  }

  /** Adds one deal; `amountMinor` is its amount in the report currency. */
  add(deal: DealJourney, amountMinor: bigint): void {
    this.totals.totalMinor += amountMinor;
    this.totals.deals += 1;
    if (deal.touches.length === 0) {
      this.totals.unattributedMinor += amountMinor;
      this.totals.unattributedDeals += 1;
      return;
    }
    // Repeats collapse by the touch's own keys: a deal's keys are the same for all its touches.
    const touchDimensions = this.groupBy.filter(isTouchDimension);
    const journey = orderJourney(deal.touches.map((touch): KeyedTouch => ({
      id: touch.id,
      occurredAt: touch.occurredAt,
      occurredMicros: touch.occurredMicros,
      channel: touch.channel,
      key: touchDimensions.map((dimension) => touchKey(touch, dimension)).join(ROW_KEY_SEPARATOR),
      source: touch,
    })));
    const rows = journey.map(({ source }) => this.row(this.rowKeys(source, deal), source));
    for (const row of rows) row.touches += 1;
    for (const row of new Set(rows)) {
      row.influencedDeals += 1;
      row.influencedRevenueMinor += amountMinor;
    }
    const context = journeyContext(deal, this.basis);
    this.models.forEach((options, index) => {
      if (options === null) return;
      // By touch index of the ordered journey: no credit object per touch and model.
      const { amounts, shares } = journeyCredits(amountMinor, journey, context, options);
      rows.forEach((row, position) => {
        row.revenueMinor[index] += amounts[position];
        row.dealCredit[index] += shares[position];
      });
    });
  }
}
