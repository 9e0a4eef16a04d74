import type { PoolClient } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { ModelOptions } from '../attribution/attribution-model';
import { validateModelOptions } from '../attribution/validate-model-options';
import { missingFxRate } from '../errors';
import { AttributionAggregator, ReportTotals, ROW_KEY_SEPARATOR, RowTotals } from './attribution-aggregator';
import { campaignCostSql } from './campaign-cost-sql';
import { minorUnitsOf } from './currency';
import { DealJourney, streamJourneys } from './journey-stream';
import { Dimension, JourneyScope } from './report-scope';
import { storedColumns, storedCreditTotals } from './stored-credit-report';
import { refreshTouchCredits } from './touch-credit-refresh';

export interface AttributionRequest {
  models: readonly ModelOptions[];
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
    request.models.forEach(validateModelOptions);
    // Default options read stored credits, brought up to date first; anything else credits journeys now.
    const columns = storedColumns(request);
    if (columns) await refreshTouchCredits(this.dataSource, request.scope.baseCurrency);
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const minorUnits = await minorUnitsOf(runner, request.scope.currency);
      const totals = (columns && await storedCreditTotals(runner, request, columns))
        ?? await this.journeyTotals(runner, client, request);
      const costs = await this.costs(runner, request);
      await runner.query('COMMIT');
      return this.result(request, minorUnits, totals, costs);
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async journeyTotals(runner: QueryRunner, client: PoolClient, request: AttributionRequest): Promise<ReportTotals> {
    const aggregator = new AttributionAggregator(request.models, request.groupBy, request.scope.basis);
    for await (const deal of streamJourneys(client, request.scope)) {
      aggregator.add(deal, deal.convertedMinor ?? (await this.missingRate(runner, deal, request.scope)));
    }
    return aggregator.totals;
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
    costs: Map<string, CostRow>): AttributionResult {
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
