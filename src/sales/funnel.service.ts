import { DataSource } from 'typeorm';
import { Queryable, withReportSnapshot } from '../database/sql';
import { LeadScoringService } from './lead-scoring.service';
import { ACCOUNT_GROUP_KEYS, daysSql, storedStagesSql } from './lead-stages-sql';
import { ratio } from './rates';

export enum FunnelGroupBy {
  CHANNEL = 'CHANNEL',
  CAMPAIGN = 'CAMPAIGN',
  MONTH = 'MONTH',
  INDUSTRY = 'INDUSTRY',
  SEGMENT = 'SEGMENT',
  SIZE = 'SIZE',
}

export enum FunnelStage {
  LEAD = 'LEAD',
  MQL = 'MQL',
  SQL = 'SQL',
  OPPORTUNITY = 'OPPORTUNITY',
  WON = 'WON',
}

export interface FunnelRequest {
  from: Date;
  to: Date;
  groupBy: FunnelGroupBy;
  timeZone: string;
}

export interface FunnelStageCount {
  stage: FunnelStage;
  count: number;
  conversionFromPrevious: number | null;
  medianDaysFromPrevious: number | null;
}

export interface FunnelRow {
  key: string;
  stages: FunnelStageCount[];
}

export interface FunnelResult {
  total: FunnelRow;
  rows: FunnelRow[];
}

export const NO_KEY = '(none)';
const STAGES = [FunnelStage.LEAD, FunnelStage.MQL, FunnelStage.SQL, FunnelStage.OPPORTUNITY, FunnelStage.WON];
const COLUMNS = ['created_at', 'mql_at', 'sql_at', 'opportunity_at', 'won_at'];

interface Aggregate {
  key: string | null;
  total: boolean;
  counts: number[];
  medians: Array<number | null>;
}

/** Cohorts of leads created in the period, and how far each got (stages: lead-stages-sql.ts). */
export class FunnelService {
  constructor(private readonly dataSource: DataSource, private readonly statementTimeoutMs: number, private readonly scoring: LeadScoringService) {}

  async funnel(request: FunnelRequest): Promise<FunnelResult> {
    await this.scoring.refresh();
    return withReportSnapshot(this.dataSource, this.statementTimeoutMs, (tx) => this.read(tx, request));
  }

  private async read(db: Queryable, request: FunnelRequest): Promise<FunnelResult> {
    const key = {
      [FunnelGroupBy.CHANNEL]: 'first_channel',
      [FunnelGroupBy.CAMPAIGN]: 'first_campaign',
      [FunnelGroupBy.MONTH]: `to_char(date_trunc('month', created_at AT TIME ZONE $3), 'YYYY-MM')`,
      ...ACCOUNT_GROUP_KEYS,
    }[request.groupBy];
    const counts = COLUMNS.map((column) => `count(${column})::int`);
    const medians = COLUMNS.slice(1).map((column, index) =>
      `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${daysSql(COLUMNS[index], column)})`);
    const rows: Aggregate[] = await db.query(`
      SELECT coalesce(${key}, '${NO_KEY}') AS key, grouping(coalesce(${key}, '${NO_KEY}')) = 1 AS total,
             ARRAY[${counts.join(', ')}] AS counts, ARRAY[NULL::float8, ${medians.join(', ')}] AS medians
      FROM (${storedStagesSql('s.created_at >= $1 AND s.created_at < $2')}) stages
      GROUP BY GROUPING SETS ((coalesce(${key}, '${NO_KEY}')), ())
      ORDER BY 2, 1`, [request.from, request.to, ...(request.groupBy === FunnelGroupBy.MONTH ? [request.timeZone] : [])]);
    const toRow = (row: Aggregate): FunnelRow => ({
      key: row.key ?? 'TOTAL',
      stages: STAGES.map((stage, index) => ({
        stage,
        count: row.counts[index],
        conversionFromPrevious: index === 0 ? null : ratio(row.counts[index], row.counts[index - 1]),
        medianDaysFromPrevious: row.medians[index],
      })),
    });
    const total = rows.find((row) => row.total);
    return {
      total: total ? toRow(total) : toRow({ key: 'TOTAL', total: true, counts: [0, 0, 0, 0, 0], medians: [null, null, null, null, null] }),
      rows: rows.filter((row) => !row.total).map(toRow),
    };
  }
}
