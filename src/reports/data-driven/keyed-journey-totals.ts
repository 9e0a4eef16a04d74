import { ReportTotals, RowTotals } from '../attribution-aggregator';

/** A campaign's id and name, for rows keyed by its externalId. */
export interface CampaignOfKey {
  campaignId: string;
  campaignName: string;
}

/**
 * Report totals from the keys of converting journeys, counted as AttributionAggregator counts
 * streamed deals: the total and its deals, empty journeys unattributed, and per key the touches
 * and the deals (and amount) it influenced. Keys are numbered (JourneyKeyIds) until the rows are
 * made; credits stay at 0 for the models to fill in.
 */
export class KeyedJourneyTotals {
  private totalMinor = 0n;
  private deals = 0;
  private unattributedMinor = 0n;
  private unattributedDeals = 0;
  private readonly touches: number[] = [];
  private readonly influencedDeals: number[] = [];
  private readonly influencedMinor: bigint[] = [];
  // The last add() that counted each key's influence: a key counts once per journey.
  private readonly countedIn: number[] = [];
  private adds = 0;

  /** `campaigns` names the campaign of each key when rows are keyed by campaign. */
  constructor(private readonly models: number, private readonly campaigns?: ReadonlyMap<string, CampaignOfKey>) {}

  /** `deals` converting journeys with these key ids (in touch order, uncollapsed), worth `amountMinor` together. */
  add(ids: readonly number[], deals: number, amountMinor: bigint): void {
    this.totalMinor += amountMinor;
    this.deals += deals;
    if (ids.length === 0) {
      this.unattributedMinor += amountMinor;
      this.unattributedDeals += deals;
      return;
    }
    this.adds += 1;
    for (const id of ids) {
      while (this.touches.length <= id) this.grow();
      this.touches[id] += deals;
      if (this.countedIn[id] === this.adds) continue;
      this.countedIn[id] = this.adds;
      this.influencedDeals[id] += deals;
      this.influencedMinor[id] += amountMinor;
    }
  }

  /** The totals, with a row for each key of a converting journey; `keys[id]` names each id. */
  totals(keys: readonly string[]): ReportTotals {
    const rows = new Map<string, RowTotals>();
    this.touches.forEach((touches, id) => {
      if (touches > 0) rows.set(keys[id], this.row(keys[id], id));
    });
    const { totalMinor, deals, unattributedMinor, unattributedDeals } = this;
    return { totalMinor, deals, unattributedMinor, unattributedDeals, rows };
  }

  private grow(): void {
    this.touches.push(0);
    this.influencedDeals.push(0);
    this.influencedMinor.push(0n);
    this.countedIn.push(0);
  }

  private row(key: string, id: number): RowTotals {
    const campaign = this.campaigns?.get(key);
    return {
      keys: [key],
      campaignId: campaign?.campaignId ?? null,
      campaignName: campaign?.campaignName ?? null,
      revenueMinor: Array.from({ length: this.models }, () => 0n),
      dealCredit: Array.from({ length: this.models }, () => 0),
      touches: this.touches[id],
      influencedRevenueMinor: this.influencedMinor[id],
      influencedDeals: this.influencedDeals[id],
    };
  }
}
