import { Queryable } from '../../database/sql';
import { keyTimesSql, keyTokensSql, LEAD_IN_NO_DEAL } from '../journeys/journey-path-sql';

/**
 * Claims the leads marked stale, stores the keys of their touches if they are in no deal
 * (lead_journey_keys), and marks the deals they are contacts of stale: one statement, so a lead is
 * never claimed without both. Lead journeys need every touch (a report's period decides later
 * which count); deal journeys are stored per deal, by `refreshDealJourneyKeys`.
 */
export async function refreshLeadJourneyKeys(db: Queryable): Promise<void> {
  await db.query(`
    WITH claimed AS (DELETE FROM touch_credit_stale_leads RETURNING lead_id),
    journey AS (
      SELECT t.lead_id, ${keyTokensSql()}, max(t.occurred_at) AS last_touch_at, min(t.occurred_at) AS first_touch_at, ${keyTimesSql()}
      FROM touches t JOIN leads l ON l.id = t.lead_id
      WHERE t.lead_id IN (SELECT lead_id FROM claimed) AND t.deleted_at IS NULL AND ${LEAD_IN_NO_DEAL}
      GROUP BY t.lead_id
    ),
    stored AS (
      INSERT INTO lead_journey_keys (lead_id, channels, campaigns, last_touch_at, first_touch_at, touch_times) SELECT * FROM journey
      ON CONFLICT (lead_id) DO UPDATE
        SET channels = EXCLUDED.channels, campaigns = EXCLUDED.campaigns, last_touch_at = EXCLUDED.last_touch_at,
            first_touch_at = EXCLUDED.first_touch_at, touch_times = EXCLUDED.touch_times
    ),
    untouched AS (
      DELETE FROM lead_journey_keys WHERE lead_id IN (SELECT lead_id FROM claimed EXCEPT SELECT lead_id FROM journey)
    )
    INSERT INTO touch_credit_stale_deals (deal_id)
    SELECT DISTINCT dc.deal_id FROM claimed JOIN deal_contacts dc ON dc.lead_id = claimed.lead_id
    ON CONFLICT DO NOTHING`);
}

/**
 * Claims the visitors marked stale and stores the keys of their anonymous touches (those no lead
 * owns yet) in visitor_journey_keys: the non-converting journeys of visitors never identified.
 */
export async function refreshVisitorJourneyKeys(db: Queryable): Promise<void> {
  await db.query(`
    WITH claimed AS (DELETE FROM touch_credit_stale_visitors RETURNING visitor_id),
    journey AS (
      SELECT t.visitor_id, ${keyTokensSql()}, max(t.occurred_at) AS last_touch_at, ${keyTimesSql()}
      FROM touches t
      WHERE t.visitor_id IN (SELECT visitor_id FROM claimed) AND t.lead_id IS NULL AND t.deleted_at IS NULL
      GROUP BY t.visitor_id
    ),
    stored AS (
      INSERT INTO visitor_journey_keys (visitor_id, channels, campaigns, last_touch_at, touch_times) SELECT * FROM journey
      ON CONFLICT (visitor_id) DO UPDATE
        SET channels = EXCLUDED.channels, campaigns = EXCLUDED.campaigns, last_touch_at = EXCLUDED.last_touch_at,
            touch_times = EXCLUDED.touch_times
    )
    DELETE FROM visitor_journey_keys WHERE visitor_id IN (SELECT visitor_id FROM claimed EXCEPT SELECT visitor_id FROM journey)`);
}

/**
 * Stores the keys of these deals' journeys as the data-driven models see them by default: won and
 * lost deals, the touches of their contacts up to closed_at (docs/attribution.md, "Data-driven models").
 * Runs in the caller's transaction, beside the deals' credits.
 */
export async function refreshDealJourneyKeys(db: Queryable, dealIds: readonly string[]): Promise<void> {
  await db.query('DELETE FROM deal_journey_keys WHERE deal_id = ANY($1::bigint[])', [dealIds]);
  await db.query(`
    INSERT INTO deal_journey_keys (deal_id, channels, campaigns, closed_at)
    SELECT d.id, ${keyTokensSql()}, d.closed_at
    FROM deals d
    JOIN deal_contacts dc ON dc.deal_id = d.id AND dc.deleted_at IS NULL
    JOIN touches t ON t.lead_id = dc.lead_id AND t.deleted_at IS NULL AND t.occurred_at <= d.closed_at
    WHERE d.id = ANY($1::bigint[]) AND d.deleted_at IS NULL AND d.status IN ('WON', 'LOST')
    GROUP BY d.id, d.closed_at`, [dealIds]);
}
