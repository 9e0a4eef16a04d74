import { DataSource } from 'typeorm';
import { RuleBasedOptions } from '../attribution/rule-based-model';
import { validateModelOptions } from '../attribution/validate-model-options';
import { Queryable, Transaction, withReportSnapshot } from '../database/sql';
import { AttributionAggregator, ReportTotals, ROW_KEY_SEPARATOR } from './attribution-aggregator';
import { campaignCostSql, spendSplitsBy } from './campaign-cost-sql';
import { minorUnitsOf, throwMissingRate } from './currency';
import { DataDrivenOutcome, dataDrivenCredits } from './data-driven/data-driven-credits';
import { JourneyPaths, readJourneyPaths } from './data-driven/journey-paths';
import { DealJourney, streamJourneys } from './journeys/journey-stream';
import { isDataDriven } from '../attribution/attribution-model';
import { Dimension, hasDefaultJourneys } from './report-scope';
import { positionCreditSource } from './journeys/position-credit-sql';
import { storedColumns, storedCreditTotals } from './stored-credits/stored-credit-report';
import { refreshTouchCredits } from './stored-credits/touch-credit-refresh';
import { AttributionRequest, AttributionResult, ReportRow } from './attribution-report.types';

/**
 * Totals credited in SQL when every model's shares follow from positions alone (position-credit-sql.ts):
 * only the report's rows leave the database. Undefined for other requests, and when a rate is missing.
 */
async function positionCreditTotals(db: Queryable, request: AttributionRequest): Promise<ReportTotals | undefined> {
  const position = positionCreditSource(request);
  return position && storedCreditTotals(db, request, position.columns, position.source);
}

/** What a report reads from stored data: stored credit columns, and whether journeys' keys are stored. */
export interface ReadPlan {
  columns: string[] | undefined;
  storedKeys: boolean;
}

/** What a report read within its snapshot. */
export interface ReportRead {
  minorUnits: number;
  totals: ReportTotals;
  journeys: Map<boolean, JourneyPaths>;
  costs: Map<string, CostRow>;
}

interface CostRow {
  keys: string[];
  costMinor: string;
  campaignId: string | null;
  campaignName: string | null;
  missing: string | null;
}

/**
 * Attribution reports: streams the deals in scope with their journeys, credits each journey under
 * every requested model, and sums per row key, with campaign spend beside it. One read-only
 * snapshot, so revenue and spend describe the same moment.
 */
export class AttributionReportService {
  constructor(private readonly dataSource: DataSource, private readonly statementTimeoutMs: number) {}

  async refreshAndReport(request: AttributionRequest): Promise<AttributionResult> {
    const plan = await this.refreshFor(request);
    const read = await withReportSnapshot(this.dataSource, this.statementTimeoutMs, (tx) => this.read(tx, request, plan));
    return this.complete(request, read);
  }

  /**
   * Checks the models, and brings the stored data the request will read up to date: default
   * options read stored credits, data-driven models over default journeys their stored keys;
   * anything else credits journeys while reading. Runs before the report's snapshot is taken.
   */
  async refreshFor(request: AttributionRequest): Promise<ReadPlan> {
    for (const options of request.models) if (!isDataDriven(options)) validateModelOptions(options);
    const plan = { columns: storedColumns(request), storedKeys: request.models.some(isDataDriven) && hasDefaultJourneys(request.scope) };
    if (plan.columns || plan.storedKeys) await refreshTouchCredits(this.dataSource, request.scope.baseCurrency);
    return plan;
  }

  /** Everything the report reads, within the caller's snapshot (`tx`). */
  async read(tx: Transaction, request: AttributionRequest, { columns, storedKeys }: ReadPlan): Promise<ReportRead> {
    const minorUnits = await minorUnitsOf(tx, request.scope.currency);
    const stored = columns ? await storedCreditTotals(tx, request, columns) : await positionCreditTotals(tx, request);
    const { totals, journeys } = stored ? { totals: stored, journeys: new Map<boolean, JourneyPaths>() } : await this.journeyTotals(tx, request, storedKeys);
    const costs = await this.costs(tx, request);
    return { minorUnits, totals, journeys, costs };
  }

  /**
   * The result from what was read. Data-driven models need only the journeys read: they run once
   * the snapshot and the connection are given back, in steps, so the server goes on answering.
   */
  async complete(request: AttributionRequest, read: ReportRead): Promise<AttributionResult> {
    const dataDriven = await this.dataDrivenOutcomes(request, read.journeys);
    const totals = mergeDataDriven(read.totals, dataDriven, request.models.length);
    return this.result(request, read.minorUnits, totals, read.costs, dataDriven);
  }

  // Rule-based models credit each journey as it streams by. Data-driven ones credit the path rows
  // built in SQL; alone, they take the report's totals from them too, and no journey streams by.
  private async journeyTotals(tx: Transaction, request: AttributionRequest, storedKeys: boolean) {
    const journeys = await this.dataDrivenJourneys(tx, request, storedKeys);
    const ruleBased = request.models.map((options) => (isDataDriven(options) ? null : options));
    const pathTotals = journeys.values().next().value?.totals;
    const totals = pathTotals && ruleBased.every((options) => options === null)
      ? pathTotals : await this.streamedTotals(tx, request, ruleBased);
    return { totals, journeys };
  }

  // The journeys are read once per collapseRepeats value (all models of a request share them).
  private async dataDrivenJourneys(db: Queryable, request: AttributionRequest, storedKeys: boolean) {
    const journeys = new Map<boolean, JourneyPaths>();
    for (const options of request.models) {
      if (isDataDriven(options) && !journeys.has(options.collapseRepeats)) {
        journeys.set(options.collapseRepeats, await readJourneyPaths(db, request, options.collapseRepeats, storedKeys));
      }
    }
    return journeys;
  }

  private async dataDrivenOutcomes(request: AttributionRequest, journeys: ReadonlyMap<boolean, JourneyPaths>) {
    const outcomes: (DataDrivenOutcome | null)[] = [];
    for (const options of request.models) {
      if (!isDataDriven(options)) {
        outcomes.push(null);
        continue;
      }
      const read = journeys.get(options.collapseRepeats);
      outcomes.push(read ? await dataDrivenCredits(options, read.paths, this.statementTimeoutMs) : null);
    }
    return outcomes;
  }

  private async streamedTotals(tx: Transaction, { groupBy, scope }: AttributionRequest,
    ruleBased: readonly (RuleBasedOptions | null)[]): Promise<ReportTotals> {
    const aggregator = new AttributionAggregator(ruleBased, groupBy, scope.basis);
    let unconverted: DealJourney | undefined;
    for await (const deal of streamJourneys(tx.client, scope)) {
      // The stream holds the connection: it is closed (break) before the rate is looked up.
      if (deal.convertedMinor === null) {
        unconverted = deal;
        break;
      }
      aggregator.add(deal, deal.convertedMinor);
    }
    if (unconverted) await throwMissingRate(tx, `${unconverted.currency} ${unconverted.conversionDay}`, scope);
    return aggregator.totals;
  }

  // Spend that cannot be split by the rows' keys is read by channel, for the report's total only.
  private async costs(db: Queryable, { scope, groupBy }: AttributionRequest): Promise<Map<string, CostRow>> {
    const { sql, params } = campaignCostSql(scope, spendSplitsBy(groupBy) ? groupBy : [Dimension.CHANNEL]);
    const rows: CostRow[] = await db.query(sql, params);
    await throwMissingRate(db, rows.find((row) => row.missing !== null)?.missing, scope);
    return new Map(rows.map((row) => [row.keys.join(ROW_KEY_SEPARATOR), row]));
  }

  private result(request: AttributionRequest, minorUnits: number, totals: ReportTotals,
    costs: Map<string, CostRow>, dataDriven: (DataDrivenOutcome | null)[]): AttributionResult {
    const rowCosts = spendSplitsBy(request.groupBy) ? costs : new Map<string, CostRow>();
    const rows: ReportRow[] = [...totals.rows.entries()].map(([id, row]) => {
      const cost = rowCosts.get(id);
      return { ...row, costMinor: cost ? BigInt(cost.costMinor) : null };
    });
    for (const [id, cost] of rowCosts) {
      if (!totals.rows.has(id)) rows.push(emptyRow(request, cost));
    }
    rows.sort((a, b) => (a.revenueMinor[0] === b.revenueMinor[0]
      ? a.keys.join(ROW_KEY_SEPARATOR).localeCompare(b.keys.join(ROW_KEY_SEPARATOR))
      : a.revenueMinor[0] > b.revenueMinor[0] ? -1 : 1));
    return {
      currency: request.scope.currency,
      minorUnits,
      totalMinor: totals.totalMinor,
      unattributedMinor: totals.unattributedMinor,
      deals: totals.deals,
      unattributedDeals: totals.unattributedDeals,
      costMinor: [...costs.values()].reduce((sum, cost) => sum + BigInt(cost.costMinor), 0n),
      rows,
      unattributedByModel: totals.unattributedByModel ?? request.models.map(() => totals.unattributedMinor),
      unattributedDealsByModel: totals.unattributedDealsByModel ?? request.models.map(() => totals.unattributedDeals),
      dataDriven: request.models.map((_, index) => dataDriven[index] ?? null),
    };
  }
}

// Spend with no attributed revenue still gets its row: it is what ROI must show.
function emptyRow({ models, groupBy }: AttributionRequest, cost: CostRow): ReportRow {
  const byCampaign = groupBy.includes(Dimension.CAMPAIGN);
  return {
    keys: cost.keys,
    campaignId: byCampaign ? cost.campaignId : null,
    campaignName: byCampaign ? cost.campaignName : null,
    revenueMinor: models.map(() => 0n),
    dealCredit: models.map(() => 0),
    touches: 0,
    influencedRevenueMinor: 0n,
    influencedDeals: 0,
    costMinor: BigInt(cost.costMinor),
  };
}

// Data-driven credits go into the rows by key (they group by one touch dimension), and their
// unattributed amounts replace the empty-journey figure for their model.
function mergeDataDriven(totals: ReportTotals, outcomes: (DataDrivenOutcome | null)[], models: number): ReportTotals {
  const unattributedByModel = outcomes.map((outcome) => (outcome
    ? outcome.unattributed.reduce((sum, part) => sum + part.amountMinor, 0n) : totals.unattributedMinor));
  const unattributedDealsByModel = outcomes.map((outcome) => (outcome
    ? outcome.unattributed.reduce((sum, part) => sum + part.dealCredit, 0) : totals.unattributedDeals));
  outcomes.forEach((outcome, index) => {
    for (const [key, credit] of outcome?.byKey ?? []) {
      let row = totals.rows.get(key);
      if (!row) {
        row = { keys: [key], campaignId: null, campaignName: null, revenueMinor: Array.from({ length: models }, () => 0n),
          dealCredit: Array.from({ length: models }, () => 0), touches: 0, influencedRevenueMinor: 0n, influencedDeals: 0 };
        totals.rows.set(key, row);
      }
      row.revenueMinor[index] = credit.amountMinor;
      row.dealCredit[index] = credit.dealCredit;
    }
  });
  return { ...totals, unattributedByModel, unattributedDealsByModel };
}
