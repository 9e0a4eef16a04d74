import { ReportTotals, RowTotals } from './attribution-aggregator';

/** A campaign's id and name, for rows keyed by its externalId. */
export interface CampaignOfKey {
  campaignId: string;
  campaignName: string;
}

/**
 * Report totals from the keys of converting journeys, counted as AttributionAggregator counts
 * streamed deals: the total and its deals, empty journeys unattributed, and per key the touches
 * and the deals (and amount) it influenced. Credits stay at 0 for the models to fill in.
 */
export class KeyedJourneyTotals {
  readonly totals: ReportTotals = { totalMinor: 0n, unattributedMinor: 0n, deals: 0, unattributedDeals: 0, rows: new Map() };

  /** `campaigns` names the campaign of each key when rows are keyed by campaign. */
  constructor(private readonly models: number, private readonly campaigns?: ReadonlyMap<string, CampaignOfKey>) {}

  /** `deals` converting journeys with these keys (in touch order, uncollapsed), worth `amountMinor` together. */
  add(keys: readonly string[], deals: number, amountMinor: bigint): void {
    this.totals.totalMinor += amountMinor;
    this.totals.deals += deals;
    if (keys.length === 0) {
      this.totals.unattributedMinor += amountMinor;
      this.totals.unattributedDeals += deals;
      return;
    }
    for (const key of keys) this.row(key).touches += deals;
    for (const key of new Set(keys)) {
      const row = this.row(key);
      row.influencedDeals += deals;
      row.influencedRevenueMinor += amountMinor;
    }
  }

  private row(key: string): RowTotals {
    let row = this.totals.rows.get(key);
    if (!row) {
      const campaign = this.campaigns?.get(key);
      row = {
        keys: [key],
        campaignId: campaign?.campaignId ?? null,
        campaignName: campaign?.campaignName ?? null,
        revenueMinor: Array.from({ length: this.models }, () => 0n),
        dealCredit: Array.from({ length: this.models }, () => 0),
        touches: 0,
        influencedRevenueMinor: 0n,
        influencedDeals: 0,
      };
      this.totals.rows.set(key, row);
    }
    return row;
  }
}
