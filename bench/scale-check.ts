import { DataSource } from 'typeorm';
import { refreshTouchCredits } from '../src/reports/stored-credits/touch-credit-refresh';
import { LeadScoringService } from '../src/sales/lead-scoring.service';

// The copied results of the refresh (scale-growth.ts, copyDerived) against what the refresh
// computes: a sample of copied deals and leads is saved, marked stale, refreshed the normal way, and
// compared row for row (every column but the scoring time).
const STORED = [
  { table: 'touch_credits', key: 'deal_id', sample: 'deals' },
  { table: 'deal_journey_keys', key: 'deal_id', sample: 'deals' },
  { table: 'lead_journey_keys', key: 'lead_id', sample: 'leads' },
  { table: 'lead_scores', key: 'lead_id', sample: 'leads' },
  { table: 'lead_stages', key: 'lead_id', sample: 'leads' },
] as const;

// Every column but the scoring time. Which of a deal's rows carries a first_of_* flag is free (one
// per deal, or per deal and key, docs in the migration): the flags compare as counts per deal and key.
async function comparedColumns(dataSource: DataSource, table: string): Promise<string> {
  const rows: Array<{ name: string }> = await dataSource.query(`SELECT column_name AS name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = $1 AND column_name <> 'scored_at' ORDER BY ordinal_position`, [table]);
  return rows.map(({ name }) => {
    const flagged = /^first_of_(.*)$/.exec(name)?.[1];
    if (!flagged) return name;
    const key = { deal: '', channel: ', channel', campaign: ', campaign_id', source_medium: ', source_medium' }[flagged];
    return `count(*) FILTER (WHERE ${name}) OVER (PARTITION BY deal_id, basis${key}) AS ${name}`;
  }).join(', ');
}

export interface CopyCheck { deals: number; leads: number; rows: number; differences: number }

/** `size` copied deals (with their contacts as leads) and `size` copied leads in no deal, from copies above `originals`. */
export async function checkCopies(dataSource: DataSource, currency: string, originals: { deals: number; leads: number }, size: number): Promise<CopyCheck> {
  await dataSource.query('DROP TABLE IF EXISTS scale_sample_deals, scale_sample_leads');
  await dataSource.query(`CREATE TABLE scale_sample_deals AS SELECT id FROM deals WHERE id > $1 AND status <> 'OPEN' ORDER BY md5(id::text) LIMIT $2`,
    [originals.deals, size]);
  await dataSource.query(`CREATE TABLE scale_sample_leads AS
    SELECT dc.lead_id AS id FROM deal_contacts dc WHERE dc.deal_id IN (SELECT id FROM scale_sample_deals)
    UNION (SELECT lead_id FROM lead_journey_keys WHERE lead_id > $1 ORDER BY md5(lead_id::text) LIMIT $2)`, [originals.leads, size]);
  const inSample = (key: string, sample: string) => `${key} IN (SELECT id FROM scale_sample_${sample})`;
  for (const { table, key, sample } of STORED) {
    await dataSource.query(`DROP TABLE IF EXISTS scale_copied_${table}`);
    await dataSource.query(`CREATE TABLE scale_copied_${table} AS SELECT ${await comparedColumns(dataSource, table)} FROM ${table} WHERE ${inSample(key, sample)}`);
  }
  await dataSource.query('INSERT INTO touch_credit_stale_deals SELECT id FROM scale_sample_deals ON CONFLICT DO NOTHING');
  await dataSource.query('INSERT INTO touch_credit_stale_leads SELECT id FROM scale_sample_leads ON CONFLICT DO NOTHING');
  await dataSource.query('INSERT INTO lead_score_stale_leads SELECT id FROM scale_sample_leads ON CONFLICT DO NOTHING');
  await refreshTouchCredits(dataSource, currency);
  await new LeadScoringService(dataSource).refresh();
  let rows = 0;
  let differences = 0;
  for (const { table, key, sample } of STORED) {
    const columns = await comparedColumns(dataSource, table);
    const [counts] = await dataSource.query(`
      WITH computed AS (SELECT ${columns} FROM ${table} WHERE ${inSample(key, sample)}),
      copied AS (SELECT * FROM scale_copied_${table})
      SELECT (SELECT count(*) FROM copied)::int AS rows,
             (SELECT count(*) FROM ((SELECT * FROM copied EXCEPT ALL SELECT * FROM computed)
                                    UNION ALL (SELECT * FROM computed EXCEPT ALL SELECT * FROM copied)) d)::int AS differences`);
    rows += counts.rows;
    differences += counts.differences;
    if (counts.differences > 0) console.error(`  ${table}: ${counts.differences} rows differ between the copies and the refresh`);
    await dataSource.query(`DROP TABLE scale_copied_${table}`);
  }
  const [{ deals, leads }] = await dataSource.query(`SELECT (SELECT count(*) FROM scale_sample_deals)::int AS deals,
    (SELECT count(*) FROM scale_sample_leads)::int AS leads`);
  await dataSource.query('DROP TABLE scale_sample_deals, scale_sample_leads');
  return { deals, leads, rows, differences };
}
