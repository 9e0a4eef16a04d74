import { DataSource } from 'typeorm';
import { Queryable, SqlParams, withReportSnapshot } from '../database/sql';
import { convertSql, Currencies, minorUnitsOf, throwMissingRate } from '../reports/currency';
import { NO_KEY } from './funnel.service';
import { LeadScoringService } from './lead-scoring.service';
import { ACCOUNT_GROUP_KEYS, daysSumSql, storedStagesSql } from './lead-stages-sql';
import { averageMinor, ratio } from './rates';

export enum LeadSource {
  CHANNEL = 'CHANNEL',
  CAMPAIGN = 'CAMPAIGN',
  INDUSTRY = 'INDUSTRY',
  SEGMENT = 'SEGMENT',
  SIZE = 'SIZE',
}

const SOURCE_KEYS: Record<LeadSource, string> = {
  [LeadSource.CHANNEL]: 'first_channel',
  [LeadSource.CAMPAIGN]: 'first_campaign',
  ...ACCOUNT_GROUP_KEYS,
};

export interface LeadQualityRequest extends Currencies {
  from: Date;
  to: Date;
  groupBy: LeadSource;
  timeZone: string;
}

/** What is summed per source; rates and averages are derived from these, for rows and the total alike. */
export interface QualityCounts {
  key: string;
  leads: number;
  mqls: number;
  sqls: number;
  opportunities: number;
  wonDeals: number;
  lostDeals: number;
  wonMinor: bigint;
  wonCycleDays: number;
}

export interface LeadQualityRow extends QualityCounts {
  winRate: number | null;
  averageDealSizeMinor: bigint | null;
  averageSalesCycleDays: number | null;
  revenuePerLeadMinor: bigint | null;
}

export interface LeadQualityResult {
  currency: string;
  minorUnits: number;
  total: LeadQualityRow;
  rows: LeadQualityRow[];
}

export function qualityRow(counts: QualityCounts): LeadQualityRow {
  return {
    ...counts,
    winRate: ratio(counts.wonDeals, counts.wonDeals + counts.lostDeals),
    averageDealSizeMinor: averageMinor(counts.wonMinor, counts.wonDeals),
    averageSalesCycleDays: ratio(counts.wonCycleDays, counts.wonDeals),
    revenuePerLeadMinor: averageMinor(counts.wonMinor, counts.leads),
  };
}

export function sumCounts(key: string, rows: readonly QualityCounts[]): QualityCounts {
  const sum = (pick: (row: QualityCounts) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return {
    key,
    leads: sum((row) => row.leads),
    mqls: sum((row) => row.mqls),
    sqls: sum((row) => row.sqls),
    opportunities: sum((row) => row.opportunities),
    wonDeals: sum((row) => row.wonDeals),
    lostDeals: sum((row) => row.lostDeals),
    wonMinor: rows.reduce((total, row) => total + row.wonMinor, 0n),
    wonCycleDays: sum((row) => row.wonCycleDays),
  };
}

/**
 * Leads created in the period, by the channel or campaign of their first touch or an attribute of
 * their account, and what became of them. Each deal with a contact in the cohort counts once, for
 * the source of its earliest-created cohort contact (ties: lowest lead id), so rows add up to the total.
 */
export class LeadQualityService {
  constructor(private readonly dataSource: DataSource, private readonly statementTimeoutMs: number, private readonly scoring: LeadScoringService) {}

  async report(request: LeadQualityRequest): Promise<LeadQualityResult> {
    await this.scoring.refresh();
    return withReportSnapshot(this.dataSource, this.statementTimeoutMs, (tx) => this.read(tx, request));
  }

  private async read(db: Queryable, request: LeadQualityRequest): Promise<LeadQualityResult> {
    const minorUnits = await minorUnitsOf(db, request.currency);
    const params = new SqlParams();
    const from = params.add(request.from);
    const to = params.add(request.to);
    const zone = params.add(request.timeZone);
    const key = SOURCE_KEYS[request.groupBy];
    const closedDay = `(d.closed_at AT TIME ZONE ${zone})::date`;
    const converted = `(${convertSql('d.amount_minor', 'd.currency', closedDay, params, request)})`;
    const rows: Array<Omit<QualityCounts, 'wonMinor'> & { wonMinor: string; missing: string | null }> = await db.query(`
      WITH cohort AS MATERIALIZED (
        SELECT coalesce(${key}, '${NO_KEY}') AS key, * FROM (${storedStagesSql(`s.created_at >= ${from} AND s.created_at < ${to}`)}) s
      ),
      leads_by_key AS (
        SELECT key, count(*)::int AS leads, count(mql_at)::int AS mqls, count(sql_at)::int AS sqls FROM cohort GROUP BY key
      ),
      -- Contacts and deals are looked up per cohort lead and deal (arrays and OFFSET 0 keep the
      -- planner from hashing them against a scan of every contact and deal ever recorded), and only
      -- for the leads that reached OPPORTUNITY: a live contact of a live deal always has.
      cohort_deal AS (
        SELECT DISTINCT ON (dc.deal_id) dc.deal_id, c.key
        FROM cohort c CROSS JOIN LATERAL unnest(ARRAY(
          SELECT dc.deal_id FROM deal_contacts dc WHERE dc.lead_id = c.lead_id AND dc.deleted_at IS NULL)) dc(deal_id)
        WHERE c.opportunity_at IS NOT NULL
        ORDER BY dc.deal_id, c.created_at, c.lead_id
      ),
      deals_by_key AS (
        SELECT cd.key, count(*)::int AS opportunities,
               count(*) FILTER (WHERE d.status = 'WON')::int AS "wonDeals",
               count(*) FILTER (WHERE d.status = 'LOST')::int AS "lostDeals",
               coalesce(sum(${converted}) FILTER (WHERE d.status = 'WON'), 0)::text AS "wonMinor",
               ${daysSumSql('d.created_at', 'd.closed_at', "d.status = 'WON'")} AS "wonCycleDays",
               min(CASE WHEN d.status = 'WON' AND ${converted} IS NULL THEN d.currency || ' ' || ${closedDay} END) AS missing
        FROM cohort_deal cd CROSS JOIN LATERAL (SELECT d.* FROM deals d WHERE d.id = cd.deal_id AND d.deleted_at IS NULL OFFSET 0) d
        GROUP BY cd.key
      )
      SELECT l.key, l.leads, l.mqls, l.sqls, coalesce(d.opportunities, 0) AS opportunities,
             coalesce(d."wonDeals", 0) AS "wonDeals", coalesce(d."lostDeals", 0) AS "lostDeals",
             coalesce(d."wonMinor", '0') AS "wonMinor", coalesce(d."wonCycleDays", 0) AS "wonCycleDays", d.missing
      FROM leads_by_key l LEFT JOIN deals_by_key d USING (key)
      ORDER BY l.key`, params.values);
    await throwMissingRate(db, rows.find((row) => row.missing)?.missing, request);
    const counts = rows.map(({ missing: _missing, ...row }) => ({ ...row, wonMinor: BigInt(row.wonMinor) }));
    return {
      currency: request.currency,
      minorUnits,
      total: qualityRow(sumCounts('TOTAL', counts)),
      rows: counts.map(qualityRow),
    };
  }
}
