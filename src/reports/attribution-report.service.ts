import type { PoolClient } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { JourneyTouch, orderJourney } from '../attribution/journey';
import { validateModelOptions } from '../attribution/validate-model-options';
import { DealStatus } from '../entities/enums';
import { missingFxRate } from '../errors';
import { AttributionAggregator, ReportTotals, ROW_KEY_SEPARATOR, RowTotals } from './attribution-aggregator';
import { campaignCostSql } from './campaign-cost-sql';
import { minorUnitsOf } from './currency';
import { DataDrivenOutcome, dataDrivenCredits } from './data-driven-credits';
import { DealJourney, ReportTouch, streamJourneys } from './journey-stream';
import { leadPathSql } from './lead-path-sql';
import { PathAccumulator } from './path-accumulator';
import { isDataDriven, ReportModelOptions } from './report-model';
import { touchKey } from './row-keys';
import { Dimension, JourneyScope } from './report-scope';
import { storedColumns, storedCreditTotals } from './stored-credit-report';
import { refreshTouchCredits } from './touch-credit-refresh';

export interface AttributionRequest {
  models: readonly ReportModelOptions[];
  groupBy: readonly Dimension[];
  scope: JourneyScope;
}

export interface ReportRow extends RowTotals {
  /** Spend in the period for this key, when the key can carry spend (not for touches without campaign). */
  costMinor: bigint | null;
}

export interface AttributionResult {
  currency: string;
  minorUnits: number;
  totalMinor: bigint;
  unattributedMinor: bigint;
  deals: number;
  unattributedDeals: number;
  costMinor: bigint;
  /** Sorted by the first model's revenue, largest first, then by key. */
  rows: ReportRow[];
  /** Per model, in request order: what it left unattributed (amount and fractional deals). */
  unattributedByModel: bigint[];
  unattributedDealsByModel: number[];
  /** Per model: the data-driven model's inputs and details; null for rule-based models. */
  dataDriven: (DataDrivenOutcome | null)[];
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
  constructor(private readonly dataSource: DataSource) {}

  async report(request: AttributionRequest): Promise<AttributionResult> {
    for (const options of request.models) if (!isDataDriven(options)) validateModelOptions(options);
    // Default options read stored credits, brought up to date first; anything else credits journeys now.
    const columns = storedColumns(request);
    if (columns) await refreshTouchCredits(this.dataSource, request.scope.baseCurrency);
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const minorUnits = await minorUnitsOf(runner, request.scope.currency);
      const stored = columns && await storedCreditTotals(runner, request, columns);
      const { totals, dataDriven } = stored ? { totals: stored, dataDriven: [] } : await this.journeyTotals(runner, client, request);
      const costs = await this.costs(runner, request);
      await runner.query('COMMIT');
      return this.result(request, minorUnits, totals, costs, dataDriven);
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  // Rule-based models credit each journey as it streams by; data-driven ones sum journeys into
  // paths (won and lost deals, and leads in no deal) and credit the paths at the end.
  private async journeyTotals(runner: QueryRunner, client: PoolClient, request: AttributionRequest) {
    const dataDrivenModels = request.models.map((options) => (isDataDriven(options) ? options : null));
    const ruleBased = request.models.map((options) => (isDataDriven(options) ? null : options));
    const aggregator = new AttributionAggregator(ruleBased, request.groupBy, request.scope.basis);
    const paths = dataDrivenModels.map((options) => options && new PathAccumulator(options.collapseRepeats));
    const withPaths = dataDrivenModels.some((options) => options !== null);
    const scope: JourneyScope = withPaths ? { ...request.scope, closedStatuses: ['WON', 'LOST'] } : request.scope;
    for await (const deal of streamJourneys(client, scope)) {
      // Lost deals stream by only for the data-driven paths, as non-converting journeys.
      const converted = !(withPaths && deal.status === DealStatus.LOST);
      const amount = converted ? (deal.convertedMinor ?? (await this.missingRate(runner, deal, request.scope))) : 0n;
      if (converted) aggregator.add(deal, amount);
      if (withPaths) {
        const keys = orderJourney(deal.touches.map(asJourneyTouch)).map((touch) => touchKey((touch as KeyedTouch).source, request.groupBy[0]));
        for (const accumulator of paths) accumulator?.add(keys, 1, converted ? 1 : 0, amount);
      }
    }
    for (const [index, options] of dataDrivenModels.entries()) {
      if (!options) continue;
      const { sql, params } = leadPathSql(request.scope, request.groupBy[0], options.collapseRepeats);
      for (const row of await runner.query(sql, params) as Array<{ path: string[]; journeys: number }>) {
        paths[index]?.add(row.path ?? [], row.journeys, 0, 0n);
      }
    }
    const dataDriven = dataDrivenModels.map((options, index) => options && dataDrivenCredits(options, paths[index]!.pathRows()));
    return { totals: mergeDataDriven(aggregator.totals, dataDriven, request.models.length), dataDriven };
  }

  // Names the rate that is missing: the deal's currency, or else the report currency.
  private async missingRate(runner: QueryRunner, deal: DealJourney, scope: JourneyScope): Promise<never> {
    const has = async (currency: string) => currency === scope.baseCurrency || (await runner.query(
      'SELECT 1 FROM fx_rates WHERE currency = $1 AND rate_date <= $2 AND deleted_at IS NULL LIMIT 1',
      [currency, deal.conversionDay])).length > 0;
    const currency = (await has(deal.currency)) ? scope.currency : deal.currency;
    throw missingFxRate(currency, deal.conversionDay, scope.currency);
  }

  private async costs(runner: QueryRunner, { scope, groupBy }: AttributionRequest): Promise<Map<string, CostRow>> {
    const { sql, params } = campaignCostSql(scope, groupBy);
    const rows: CostRow[] = await runner.query(sql, params);
    const missing = rows.find((row) => row.missing !== null)?.missing;
    if (missing) {
      const [currency, day] = missing.split(' ');
      throw missingFxRate(currency, day, scope.currency);
    }
    return new Map(rows.map((row) => [row.keys.join(ROW_KEY_SEPARATOR), row]));
  }

  private result(request: AttributionRequest, minorUnits: number, totals: ReportTotals,
    costs: Map<string, CostRow>, dataDriven: (DataDrivenOutcome | null)[]): AttributionResult {
    const rows: ReportRow[] = [...totals.rows.entries()].map(([id, row]) => {
      const cost = costs.get(id);
      return { ...row, costMinor: cost ? BigInt(cost.costMinor) : null };
    });
    for (const [id, cost] of costs) {
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

interface KeyedTouch extends JourneyTouch {
  source: ReportTouch;
}

const asJourneyTouch = (touch: ReportTouch): KeyedTouch =>
  ({ id: touch.id, occurredAt: touch.occurredAt, channel: touch.channel, key: touch.channel, source: touch });

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
