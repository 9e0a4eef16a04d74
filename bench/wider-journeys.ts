import { DataSource } from 'typeorm';
import { config } from '../src/config';
import { refreshTouchCredits } from '../src/reports/stored-credits/touch-credit-refresh';

/**
 * The data-driven goal is stated for 100k journeys over 30 channels; the large demo has about 83k
 * over 13. This reshapes it, after the other runs: every touch's channel becomes one of 30 (each
 * demo channel split three ways by touch id), and leads in no deal are added, 3-8 touches each,
 * until there are `journeys` journeys. The stored journeys are then refreshed, as after an ingest.
 */
export async function widenJourneys(dataSource: DataSource, journeys: number, current: number): Promise<{ channels: number }> {
  await dataSource.query(`
    WITH ranked AS (SELECT channel, row_number() OVER (ORDER BY channel) - 1 AS rank FROM (SELECT DISTINCT channel FROM touches) c)
    UPDATE touches t SET channel = 'channel_' || ((ranked.rank * 3 + t.id % 3) % 30) FROM ranked WHERE ranked.channel = t.channel`);
  await dataSource.query(`
    INSERT INTO leads (external_id, created_at, lifecycle_stage, stage_changed_at)
    SELECT 'WIDE-L' || n, at, 'LEAD', at
    FROM generate_series(1, $1::int) n, LATERAL (SELECT timestamptz '2025-03-01' + n * interval '17 minutes' AS at) t`,
  [Math.max(0, journeys - current)]);
  await dataSource.query(`
    INSERT INTO touches (external_id, lead_id, channel, type, occurred_at)
    SELECT 'WIDE-T' || l.id || '-' || k, l.id, 'channel_' || (abs(hashtext(l.id || ':' || k)) % 30), 'AD_CLICK', l.created_at + k * interval '1 day'
    FROM leads l CROSS JOIN LATERAL generate_series(1, 3 + (l.id % 6)::int) k
    WHERE l.external_id LIKE 'WIDE-L%'`);
  await dataSource.query('INSERT INTO channels (slug) SELECT DISTINCT channel FROM touches ON CONFLICT DO NOTHING');
  await dataSource.query('INSERT INTO touch_credit_stale_leads (lead_id) SELECT id FROM leads ON CONFLICT DO NOTHING');
  await refreshTouchCredits(dataSource, config().REPORTING_CURRENCY);
  await dataSource.query('VACUUM ANALYZE');
  const [{ channels }] = await dataSource.query('SELECT count(DISTINCT channel)::int AS channels FROM touches');
  return { channels };
}
