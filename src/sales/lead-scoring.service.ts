import { DataSource } from 'typeorm';
import { TouchType } from '../database/enums';
import { SqlParams, withTransaction } from '../database/sql';
import { analyzeQueue } from '../database/statistics';
import { RESTAGE_SQL } from './lead-stages-sql';
import { CURRENT_RULE_SET, currentScoreSql, decaySql, rescoreSql } from './scoring-sql';

export enum FitAttribute {
  SEGMENT = 'SEGMENT',
  INDUSTRY = 'INDUSTRY',
  SIZE = 'SIZE',
}

export interface ScoringRule {
  touchType: TouchType | null;
  channel: string | null;
  points: number;
}

export interface FitRule {
  attribute: FitAttribute;
  value: string;
  points: number;
}

export interface ScoringRuleSet {
  version: number;
  threshold: number;
  decayHalfLifeDays: number | null;
  slaHours: number;
  nonMarketingChannels: string[];
  recordedAt: Date;
  rules: ScoringRule[];
  fitRules: FitRule[];
}

export type NewScoringRuleSet = Omit<ScoringRuleSet, 'version' | 'recordedAt'>;

export interface LeadScore {
  leadId: string;
  score: number;
  salesReady: boolean;
  mqlAt: Date | null;
  rulesVersion: number;
}

export interface ScoredTouch {
  leadId: string;
  touchId: string;
  occurredAt: Date;
  type: TouchType;
  channel: string;
  /** The rule that matched, or null when none did (the touch earns nothing). */
  rule: ScoringRule | null;
  points: number;
  currentPoints: number;
}

export interface LeadScoreFilter {
  salesReady?: boolean;
  minScore?: number;
  limit: number;
}

// JIT compilation of the rescoring statement cost more than running it: 2.3 of 3.9 CPU-seconds
// for every lead of the large demo on PostgreSQL 15.
const RESCORING = { settings: { jit: 'off' } };

const RULE_SET_COLUMNS = `version, threshold::float8 AS threshold, decay_half_life_days::float8 AS "decayHalfLifeDays",
  sla_hours::float8 AS "slaHours", non_marketing_channels AS "nonMarketingChannels", recorded_at AS "recordedAt"`;

/**
 * Lead scores under versioned rules. Scores are stored per lead and refreshed set-based: all leads
 * when the rules change, and lazily, before any score is read, the leads that ingestion marked
 * stale (one INSERT per ingest batch keeps ingestion fast; the cost of scoring falls on reads of
 * scores, and only for the leads that changed).
 */
export class LeadScoringService {
  constructor(private readonly dataSource: DataSource) {}

  async ruleSet(version?: number | null): Promise<ScoringRuleSet | null> {
    const [set] = await this.dataSource.query(version == null
      ? `SELECT ${RULE_SET_COLUMNS} FROM (${CURRENT_RULE_SET}) rs`
      : `SELECT ${RULE_SET_COLUMNS} FROM scoring_rule_sets WHERE version = $1`, version == null ? [] : [version]);
    if (!set) return null;
    const rules = await this.dataSource.query(`SELECT touch_type AS "touchType", channel, points::float8 AS points
      FROM scoring_rules WHERE version = $1 ORDER BY touch_type NULLS LAST, channel NULLS LAST`, [set.version]);
    const fitRules = await this.dataSource.query(`SELECT attribute, value, points::float8 AS points
      FROM scoring_fit_rules WHERE version = $1 ORDER BY attribute, value`, [set.version]);
    return { ...set, rules, fitRules };
  }

  /** Records a new rule set and rescores every lead under it, in one transaction. */
  async setRules(rules: NewScoringRuleSet): Promise<{ ruleSet: ScoringRuleSet; rescoredLeads: number }> {
    const rescoredLeads = await withTransaction(this.dataSource, RESCORING, async (tx) => {
      const [{ version }] = await tx.query(`INSERT INTO scoring_rule_sets (threshold, decay_half_life_days, sla_hours,
        non_marketing_channels) VALUES ($1, $2, $3, $4) RETURNING version`,
      [rules.threshold, rules.decayHalfLifeDays, rules.slaHours, rules.nonMarketingChannels]);
      await tx.query(`INSERT INTO scoring_rules (version, touch_type, channel, points)
        SELECT $1, r.touch_type::touch_type, r.channel, r.points FROM unnest($2::text[], $3::text[], $4::numeric[]) AS r(touch_type, channel, points)`,
      [version, rules.rules.map((r) => r.touchType), rules.rules.map((r) => r.channel), rules.rules.map((r) => r.points)]);
      await tx.query(`INSERT INTO scoring_fit_rules (version, attribute, value, points)
        SELECT $1, f.attribute, f.value, f.points FROM unnest($2::text[], $3::text[], $4::numeric[]) AS f(attribute, value, points)`,
      [version, rules.fitRules.map((f) => f.attribute), rules.fitRules.map((f) => f.value), rules.fitRules.map((f) => f.points)]);
      const [{ rescored }] = await tx.query(rescoreSql('all'));
      return rescored as number;
    });
    return { ruleSet: (await this.ruleSet())!, rescoredLeads };
  }

  /**
   * Rescores the leads ingestion marked stale since the last refresh, then stores the stages of
   * the leads whose stages may have moved (lead-stages-sql.ts); cheap when none did.
   */
  async refresh(): Promise<void> {
    await withTransaction(this.dataSource, RESCORING, async (tx) => {
      await analyzeQueue(tx, 'lead_score_stale_leads');
      await tx.query(rescoreSql('stale'));
      await tx.query(RESTAGE_SQL);
    });
  }

  async scores(leadIds: readonly string[]): Promise<Map<string, LeadScore>> {
    await this.refresh();
    const rows: LeadScore[] = await this.dataSource.query(`
      SELECT s.lead_id::text AS "leadId", ${currentScoreSql()} AS score, ${currentScoreSql()} >= rs.threshold AS "salesReady",
             s.mql_at AS "mqlAt", s.rules_version AS "rulesVersion"
      FROM lead_scores s JOIN scoring_rule_sets rs ON rs.version = s.rules_version
      WHERE s.lead_id = ANY($1::bigint[])`, [leadIds]);
    return new Map(rows.map((row) => [row.leadId, row]));
  }

  /** Every live touch of the leads with the rule it matched and the points it earns now. */
  async breakdowns(leadIds: readonly string[]): Promise<Map<string, ScoredTouch[]>> {
    await this.refresh();
    const rows: Array<ScoredTouch & { ruleType: TouchType | null; ruleChannel: string | null; matched: boolean }> = await this.dataSource.query(`
      WITH rs AS (${CURRENT_RULE_SET})
      SELECT t.lead_id::text AS "leadId", t.id::text AS "touchId", t.occurred_at AS "occurredAt", t.type, t.channel,
             r.touch_type AS "ruleType", r.channel AS "ruleChannel", r.points IS NOT NULL AS matched,
             coalesce(r.points, 0)::float8 AS points,
             coalesce(r.points, 0)::float8 * ${decaySql('now()', 't.occurred_at')} AS "currentPoints"
      FROM touches t CROSS JOIN rs
      LEFT JOIN LATERAL (
        SELECT r.touch_type, r.channel, r.points FROM scoring_rules r
        WHERE r.version = rs.version
          AND (r.touch_type IS NULL OR r.touch_type = t.type) AND (r.channel IS NULL OR r.channel = t.channel)
        ORDER BY (r.touch_type IS NOT NULL) DESC, (r.channel IS NOT NULL) DESC LIMIT 1) r ON true
      WHERE t.lead_id = ANY($1::bigint[]) AND t.deleted_at IS NULL AND t.occurred_at <= now()
      ORDER BY t.lead_id, t.occurred_at, t.id`, [leadIds]);
    const byLead = new Map<string, ScoredTouch[]>();
    for (const { ruleType, ruleChannel, matched, ...touch } of rows) {
      const list = byLead.get(touch.leadId) ?? [];
      list.push({ ...touch, rule: matched ? { touchType: ruleType, channel: ruleChannel, points: touch.points } : null });
      byLead.set(touch.leadId, list);
    }
    return byLead;
  }

  /** Live leads by current score, highest first (ties: oldest id first). */
  async topLeadIds(filter: LeadScoreFilter): Promise<string[]> {
    await this.refresh();
    const conditions = ['l.deleted_at IS NULL'];
    const params = new SqlParams();
    const limit = params.add(filter.limit);
    if (filter.salesReady !== undefined) conditions.push(`(${currentScoreSql()} >= rs.threshold) = ${params.add(filter.salesReady)}`);
    if (filter.minScore !== undefined) conditions.push(`${currentScoreSql()} >= ${params.add(filter.minScore)}`);
    const rows: Array<{ id: string }> = await this.dataSource.query(`
      SELECT l.id::text AS id FROM lead_scores s JOIN leads l ON l.id = s.lead_id
      JOIN scoring_rule_sets rs ON rs.version = s.rules_version
      WHERE ${conditions.join(' AND ')}
      ORDER BY ${currentScoreSql()} DESC, l.id LIMIT ${limit}`, params.values);
    return rows.map((row) => row.id);
  }
}
