import { DataSource } from 'typeorm';

// The tables that hold what clients sent, not the caches that reports rebuild on their own.
const SOURCE_TABLES = [
  'channels', 'campaigns', 'campaign_costs', 'accounts', 'leads', 'lead_stage_changes', 'touches', 'deals', 'deal_contacts',
  'deal_changes', 'fx_rates', 'ingest_requests', 'scoring_rule_sets', 'scoring_rules', 'scoring_fit_rules', 'visitor_links',
  'visitor_link_changes',
];

/**
 * Each source table's row count and newest row version (xmin). A rolled-back transaction leaves no
 * row version behind, so an unchanged fingerprint means nothing was written, not even an update.
 */
export async function sourceFingerprint(dataSource: DataSource): Promise<Record<string, string>> {
  const columns = SOURCE_TABLES.map((table) =>
    `(SELECT count(*) || '/' || coalesce(max(xmin::text::bigint), 0) FROM ${table}) AS ${table}`);
  const [row] = await dataSource.query(`SELECT ${columns.join(', ')}`);
  return row;
}
