import { DataSource } from 'typeorm';
import { Queryable, SqlParams, withReportSnapshot } from '../database/sql';
import { AttributionReportService } from '../reports/attribution-report.service';
import { AttributionRequest } from '../reports/attribution-report.types';
import { campaignCostSql } from '../reports/campaign-cost-sql';
import { convertSql, Currencies, minorUnitsOf, throwMissingRate } from '../reports/currency';
import { Dimension } from '../reports/report-scope';
import { LeadScoringService } from './lead-scoring.service';
import { daysSumSql } from './lead-stages-sql';
import { averageMinor, ratio } from './rates';
import { CURRENT_RULE_SET } from './scoring-sql';

export interface KpisRequest extends Currencies {
  from: Date;
  to: Date;
  timeZone: string;
  /** Attribution of won revenue over channels under the requested model (basis REVENUE, groupBy CHANNEL). */
  attribution: AttributionRequest;
}

export interface Kpis {
  currency: string;
  minorUnits: number;
  nonMarketingChannels: string[];
  pipelineMinor: bigint;
  pipelineDeals: number;
  marketingSourcedPipelineMinor: bigint;
  marketingSourcedPipelineDeals: number;
  marketingInfluencedPipelineMinor: bigint;
  marketingInfluencedPipelineDeals: number;
  revenueMinor: bigint;
  wonDeals: number;
  lostDeals: number;
  marketingSourcedRevenueMinor: bigint;
  marketingSourcedWonDeals: number;
  marketingInfluencedRevenueMinor: bigint;
  marketingInfluencedWonDeals: number;
  attributedMarketingRevenueMinor: bigint;
  winRate: number | null;
  averageDealSizeMinor: bigint | null;
  salesCycleDays: number | null;
  leads: number;
  mqls: number;
  mqlsReachingSql: number;
  mqlToSqlRate: number | null;
  newCustomers: number;
  marketingSpendMinor: bigint;
  costPerLeadMinor: bigint | null;
  costPerMqlMinor: bigint | null;
  costPerOpportunityMinor: bigint | null;
  customerAcquisitionCostMinor: bigint | null;
  marketingRoi: number | null;
}

interface DealTotals {
  pipelineMinor: string;
  pipelineDeals: number;
  sourcedPipelineMinor: string;
  sourcedPipelineDeals: number;
  influencedPipelineMinor: string;
  influencedPipelineDeals: number;
  revenueMinor: string;
  wonDeals: number;
  lostDeals: number;
  sourcedRevenueMinor: string;
  sourcedWonDeals: number;
  influencedRevenueMinor: string;
  influencedWonDeals: number;
  wonCycleDays: number;
  newCustomers: number;
  nonMarketingChannels: string[];
  missing: string | null;
}

// Whether a deal's journey (DEAL_CONTACTS) up to `at` starts on a marketing channel (sourced), and
// whether it has a touch on one at all (influenced). Each contact's first touch, and its first
// marketing touch, are a probe of the (lead, time) index: walking and sorting every touch of every
// journey cost most of the report.
const marketing = (channel: string) => `${channel} <> ALL(rs.non_marketing_channels)`;
const sourcedBy = (at: string) => `(
  SELECT ${marketing('f.channel')} FROM deal_contacts dc CROSS JOIN LATERAL (
    SELECT t.channel, t.occurred_at, t.id FROM touches t
    WHERE t.lead_id = dc.lead_id AND t.deleted_at IS NULL AND t.occurred_at <= ${at} ORDER BY t.occurred_at, t.id LIMIT 1) f
  WHERE dc.deal_id = s.id AND dc.deleted_at IS NULL ORDER BY f.occurred_at, f.id LIMIT 1)`;
const influencedBy = (at: string) => `EXISTS (
  SELECT 1 FROM deal_contacts dc JOIN touches t ON t.lead_id = dc.lead_id
  WHERE dc.deal_id = s.id AND dc.deleted_at IS NULL AND t.deleted_at IS NULL AND t.occurred_at <= ${at} AND ${marketing('t.channel')})`;
// At creation (p_) for pipeline deals, at close (r_) for won deals: only what the totals read. The
// query materialises them: inlined, each subquery would run again for every total that reads it.
const JOURNEY_FLAGS = `
  CASE WHEN s.in_pipeline THEN ${sourcedBy('s.created_at')} END AS p_sourced,
  CASE WHEN s.in_pipeline THEN ${influencedBy('s.created_at')} END AS p_influenced,
  CASE WHEN s.closed_in_period AND s.status = 'WON' THEN ${sourcedBy('s.closed_at')} END AS r_sourced,
  CASE WHEN s.closed_in_period AND s.status = 'WON' THEN ${influencedBy('s.closed_at')} END AS r_influenced`;

/** The numbers marketing and sales share, each defined in the schema (KpisObject, src/resolvers/sales/sales-report.type.ts). */
export class KpisService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statementTimeoutMs: number,
    private readonly scoring: LeadScoringService,
    private readonly attribution: AttributionReportService,
  ) {}

  async kpis(request: KpisRequest): Promise<Kpis> {
    await this.scoring.refresh();
    const plan = await this.attribution.refreshFor(request.attribution);
    // Every figure from one snapshot: deals, leads, spend and attributed revenue describe the same moment.
    const { minorUnits, deals, leads, spendMinor, read } = await withReportSnapshot(this.dataSource, this.statementTimeoutMs, async (tx) => ({
      minorUnits: await minorUnitsOf(tx, request.currency),
      deals: await this.dealTotals(tx, request),
      leads: await this.leadTotals(tx, request),
      spendMinor: await this.spend(tx, request),
      read: await this.attribution.read(tx, request.attribution, plan),
    }));
    const attributed = await this.attribution.complete(request.attribution, read);
    const marketingChannels = (channel: string) => !deals.nonMarketingChannels.includes(channel);
    const attributedMinor = attributed.rows.filter((row) => marketingChannels(row.keys[0]))
      .reduce((sum, row) => sum + row.revenueMinor[0], 0n);
    const revenueMinor = BigInt(deals.revenueMinor);
    return {
      currency: request.currency,
      minorUnits,
      nonMarketingChannels: deals.nonMarketingChannels,
      pipelineMinor: BigInt(deals.pipelineMinor),
      pipelineDeals: deals.pipelineDeals,
      marketingSourcedPipelineMinor: BigInt(deals.sourcedPipelineMinor),
      marketingSourcedPipelineDeals: deals.sourcedPipelineDeals,
      marketingInfluencedPipelineMinor: BigInt(deals.influencedPipelineMinor),
      marketingInfluencedPipelineDeals: deals.influencedPipelineDeals,
      revenueMinor,
      wonDeals: deals.wonDeals,
      lostDeals: deals.lostDeals,
      marketingSourcedRevenueMinor: BigInt(deals.sourcedRevenueMinor),
      marketingSourcedWonDeals: deals.sourcedWonDeals,
      marketingInfluencedRevenueMinor: BigInt(deals.influencedRevenueMinor),
      marketingInfluencedWonDeals: deals.influencedWonDeals,
      attributedMarketingRevenueMinor: attributedMinor,
      winRate: ratio(deals.wonDeals, deals.wonDeals + deals.lostDeals),
      averageDealSizeMinor: averageMinor(revenueMinor, deals.wonDeals),
      salesCycleDays: ratio(deals.wonCycleDays, deals.wonDeals),
      leads: leads.leads,
      mqls: leads.mqls,
      mqlsReachingSql: leads.mqlsReachingSql,
      mqlToSqlRate: ratio(leads.mqlsReachingSql, leads.mqls),
      newCustomers: deals.newCustomers,
      marketingSpendMinor: spendMinor,
      costPerLeadMinor: averageMinor(spendMinor, leads.leads),
      costPerMqlMinor: averageMinor(spendMinor, leads.mqls),
      costPerOpportunityMinor: averageMinor(spendMinor, deals.pipelineDeals),
      customerAcquisitionCostMinor: averageMinor(spendMinor, deals.newCustomers),
      marketingRoi: spendMinor === 0n ? null : Number(attributedMinor - spendMinor) / Number(spendMinor),
    };
  }

  private async dealTotals(db: Queryable, request: KpisRequest): Promise<DealTotals> {
    const params = new SqlParams();
    const from = params.add(request.from);
    const to = params.add(request.to);
    const zone = params.add(request.timeZone);
    // The deal currency's decimals by join (per deal, the currencies table was read whole), and each
    // amount converted once (unconverted reads the converted columns).
    const convert = (at: string) => `(${convertSql('s.amount_minor', 's.currency', `(${at} AT TIME ZONE ${zone})::date`, params, request,
      's.minor_units')})`;
    const [row] = await db.query(`
      WITH rs AS (${CURRENT_RULE_SET}),
      scoped AS (
        SELECT d.id, d.account_id, d.status, d.created_at, d.closed_at, d.currency, d.amount_minor, dcur.minor_units,
               (d.created_at >= ${from} AND d.created_at < ${to}) AS in_pipeline,
               (d.closed_at >= ${from} AND d.closed_at < ${to}) AS closed_in_period
        FROM deals d JOIN currencies dcur ON dcur.code = d.currency
        WHERE d.deleted_at IS NULL AND ((d.created_at >= ${from} AND d.created_at < ${to}) OR (d.closed_at >= ${from} AND d.closed_at < ${to}))
      ),
      converted AS MATERIALIZED (
        SELECT s.id, s.status, s.created_at, s.closed_at, s.currency, s.in_pipeline, s.closed_in_period, ${JOURNEY_FLAGS},
               CASE WHEN s.in_pipeline THEN ${convert('s.created_at')} END AS pipeline_minor,
               CASE WHEN s.closed_in_period AND s.status = 'WON' THEN ${convert('s.closed_at')} END AS revenue_minor,
               s.closed_in_period AND s.status = 'WON' AND (s.account_id IS NULL OR NOT EXISTS (
                 SELECT 1 FROM deals e WHERE e.account_id = s.account_id AND e.status = 'WON' AND e.deleted_at IS NULL
                   AND (e.closed_at, e.id) < (s.closed_at, s.id))) AS new_customer
        FROM scoped s CROSS JOIN rs
      ),
      flagged AS (
        SELECT c.*, (c.in_pipeline AND c.pipeline_minor IS NULL) OR (c.closed_in_period AND c.status = 'WON' AND c.revenue_minor IS NULL) AS unconverted
        FROM converted c
      )
      SELECT coalesce(sum(pipeline_minor), 0)::text AS "pipelineMinor", count(*) FILTER (WHERE in_pipeline)::int AS "pipelineDeals",
             coalesce(sum(pipeline_minor) FILTER (WHERE p_sourced), 0)::text AS "sourcedPipelineMinor",
             count(*) FILTER (WHERE in_pipeline AND p_sourced)::int AS "sourcedPipelineDeals",
             coalesce(sum(pipeline_minor) FILTER (WHERE p_influenced), 0)::text AS "influencedPipelineMinor",
             count(*) FILTER (WHERE in_pipeline AND p_influenced)::int AS "influencedPipelineDeals",
             coalesce(sum(revenue_minor), 0)::text AS "revenueMinor",
             count(*) FILTER (WHERE closed_in_period AND status = 'WON')::int AS "wonDeals",
             count(*) FILTER (WHERE closed_in_period AND status = 'LOST')::int AS "lostDeals",
             coalesce(sum(revenue_minor) FILTER (WHERE r_sourced), 0)::text AS "sourcedRevenueMinor",
             count(*) FILTER (WHERE closed_in_period AND status = 'WON' AND r_sourced)::int AS "sourcedWonDeals",
             coalesce(sum(revenue_minor) FILTER (WHERE r_influenced), 0)::text AS "influencedRevenueMinor",
             count(*) FILTER (WHERE closed_in_period AND status = 'WON' AND r_influenced)::int AS "influencedWonDeals",
             ${daysSumSql('created_at', 'closed_at', "closed_in_period AND status = 'WON'")} AS "wonCycleDays",
             count(*) FILTER (WHERE new_customer)::int AS "newCustomers",
             (SELECT non_marketing_channels FROM rs) AS "nonMarketingChannels",
             min(CASE WHEN unconverted THEN currency || ' ' || (CASE WHEN in_pipeline AND pipeline_minor IS NULL
               THEN created_at ELSE closed_at END AT TIME ZONE ${zone})::date END) AS missing
      FROM flagged`, params.values);
    await throwMissingRate(db, row.missing, request);
    return row;
  }

  // Leads created in the period, and MQLs of the period: ranges of the stored stages' indexes.
  private async leadTotals(db: Queryable, request: KpisRequest): Promise<{ leads: number; mqls: number; mqlsReachingSql: number }> {
    const [row] = await db.query(`
      SELECT (SELECT count(*) FROM lead_stages s WHERE s.created_at >= $1 AND s.created_at < $2)::int AS leads,
             count(*)::int AS mqls, count(*) FILTER (WHERE s.sql_at IS NOT NULL)::int AS "mqlsReachingSql"
      FROM lead_stages s WHERE s.mql_at >= $1 AND s.mql_at < $2`, [request.from, request.to]);
    return row;
  }

  private async spend(db: Queryable, request: KpisRequest): Promise<bigint> {
    const { sql, params } = campaignCostSql({ ...request.attribution.scope, includeChannels: undefined, excludeChannels: undefined,
      includeCampaigns: undefined, excludeCampaigns: undefined }, [Dimension.CHANNEL]);
    const rows: Array<{ costMinor: string; missing: string | null }> = await db.query(sql, params);
    await throwMissingRate(db, rows.find((row) => row.missing)?.missing, request);
    return rows.reduce((sum, row) => sum + BigInt(row.costMinor), 0n);
  }
}
