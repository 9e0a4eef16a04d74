import { DataSource } from 'typeorm';
import { Queryable, withReportSnapshot } from '../database/sql';
import { LeadScoringService } from './lead-scoring.service';
import { ratio } from './rates';
import { CURRENT_RULE_SET } from './scoring-sql';

export enum SlaPeriod {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

export interface HandoffSlaRequest {
  from: Date;
  to: Date;
  period: SlaPeriod;
  timeZone: string;
}

export interface SlaRow {
  key: string;
  mqls: number;
  met: number;
  breached: number;
  pending: number;
  compliance: number | null;
  medianResponseHours: number | null;
}

export interface HandoffSlaResult {
  slaHours: number;
  total: SlaRow;
  byPeriod: SlaRow[];
  byOwner: SlaRow[];
}

export interface NeglectedLead {
  leadId: string;
  mqlAt: Date;
  deadline: Date;
  hoursOverdue: number;
}

export const UNKNOWN_OWNER = '(unknown)';
const SALES_TOUCH = `t.type IN ('SALES_CALL', 'SALES_MEETING', 'SALES_EMAIL')`;

// The MQLs (live leads whose score crossed the threshold) selected by `where` over lead_scores s, each
// with its SLA deadline and first sales touch at or after its MQL time. A period's report selects by
// mql_at, read through lead_scores_mql_idx, so its cost follows the period, not the history; each
// MQL's lead is looked up by key (joined, the planner hashed every lead ever recorded against them).
// The first sales touch is a lateral join: as a subquery in the select list it was inlined into each
// expression that reads it, and looked up three times per MQL.
const handoffSql = (where: string) => `
  SELECT s.lead_id, s.mql_at, s.mql_at + rs.sla_hours * interval '1 hour' AS deadline, r.responded_at
  FROM lead_scores s CROSS JOIN (${CURRENT_RULE_SET}) rs
  CROSS JOIN LATERAL (SELECT min(t.occurred_at) AS responded_at FROM touches t
    WHERE t.lead_id = s.lead_id AND t.deleted_at IS NULL AND ${SALES_TOUCH} AND t.occurred_at >= s.mql_at) r
  WHERE s.mql_at IS NOT NULL AND ${where} AND (SELECT l.deleted_at IS NULL FROM leads l WHERE l.id = s.lead_id)`;

interface Aggregate extends Omit<SlaRow, 'compliance' | 'key'> {
  key: string | null;
  kind: 'TOTAL' | 'PERIOD' | 'OWNER';
}

/** Speed of the marketing-to-sales handoff: MQL time to the first sales touch, against the SLA. */
export class HandoffSlaService {
  constructor(private readonly dataSource: DataSource, private readonly statementTimeoutMs: number, private readonly scoring: LeadScoringService) {}

  async report(request: HandoffSlaRequest): Promise<HandoffSlaResult> {
    await this.scoring.refresh();
    return withReportSnapshot(this.dataSource, this.statementTimeoutMs, (tx) => this.read(tx, request));
  }

  // The SLA in force and the handoffs measured against it, from one snapshot.
  private async read(db: Queryable, request: HandoffSlaRequest): Promise<HandoffSlaResult> {
    const [{ slaHours }] = await db.query(`SELECT sla_hours::float8 AS "slaHours" FROM (${CURRENT_RULE_SET}) rs`);
    const period = `to_char(date_trunc('${request.period.toLowerCase()}', h.mql_at AT TIME ZONE $3), 'YYYY-MM-DD')`;
    const owner = `coalesce((SELECT d.owner FROM deal_contacts dc JOIN deals d ON d.id = dc.deal_id
      WHERE dc.lead_id = h.lead_id AND dc.deleted_at IS NULL AND d.deleted_at IS NULL AND d.owner IS NOT NULL
      ORDER BY d.created_at, d.id LIMIT 1), '${UNKNOWN_OWNER}')`;
    const rows: Aggregate[] = await db.query(`
      SELECT CASE WHEN grouping(period) = 0 THEN period WHEN grouping(owner) = 0 THEN owner END AS key,
             CASE WHEN grouping(period) = 0 THEN 'PERIOD' WHEN grouping(owner) = 0 THEN 'OWNER' ELSE 'TOTAL' END AS kind,
             count(*)::int AS mqls,
             count(*) FILTER (WHERE status = 'MET')::int AS met,
             count(*) FILTER (WHERE status = 'BREACHED')::int AS breached,
             count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY response_hours) AS "medianResponseHours"
      FROM (SELECT ${period} AS period, ${owner} AS owner,
                   (extract(epoch FROM h.responded_at - h.mql_at) / 3600)::float8 AS response_hours,
                   CASE WHEN h.responded_at <= h.deadline THEN 'MET'
                        WHEN h.responded_at IS NOT NULL OR h.deadline < now() THEN 'BREACHED'
                        ELSE 'PENDING' END AS status
            FROM (${handoffSql('s.mql_at >= $1 AND s.mql_at < $2')}) h) handoffs
      GROUP BY GROUPING SETS ((), (period), (owner))
      ORDER BY 2, 1`, [request.from, request.to, request.timeZone]);
    const toRow = ({ kind: _kind, ...row }: Aggregate): SlaRow =>
      ({ ...row, key: row.key ?? 'TOTAL', compliance: ratio(row.met, row.met + row.breached) });
    return {
      slaHours,
      total: toRow(rows.find((row) => row.kind === 'TOTAL')!),
      byPeriod: rows.filter((row) => row.kind === 'PERIOD').map(toRow),
      byOwner: rows.filter((row) => row.kind === 'OWNER').map(toRow),
    };
  }

  /** MQLs past their SLA deadline with no sales touch since their MQL time, oldest MQL first. */
  async neglected(limit: number): Promise<NeglectedLead[]> {
    await this.scoring.refresh();
    return this.dataSource.query(`
      SELECT h.lead_id::text AS "leadId", h.mql_at AS "mqlAt", h.deadline,
             (extract(epoch FROM now() - h.deadline) / 3600)::float8 AS "hoursOverdue"
      FROM (${handoffSql('true')}) h
      WHERE h.responded_at IS NULL AND h.deadline < now()
      ORDER BY h.mql_at, h.lead_id LIMIT $1`, [limit]);
  }
}
