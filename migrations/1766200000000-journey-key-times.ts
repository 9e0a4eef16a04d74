import { MigrationInterface, QueryRunner } from 'typeorm';

// Data-driven reports cut at the period's end the journey of every stored lead or visitor touched
// after it (16,205 leads for a quarter of the large demo data). Each was rebuilt from its touches,
// one index descent per lead in an index that deepens with history: half of the statement. The
// time of each stored key lets the report cut the stored keys instead. Deals' keys carry their
// close time, so a period's keys are one range of an index rather than a lookup per deal.
export class JourneyKeyTimes1766200000000 implements MigrationInterface {
  name = 'JourneyKeyTimes1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE lead_journey_keys ADD COLUMN touch_times timestamptz[];
      UPDATE lead_journey_keys k SET touch_times = j.times
      FROM (SELECT lead_id, array_agg(occurred_at ORDER BY occurred_at, id) AS times FROM touches
            WHERE deleted_at IS NULL AND lead_id IS NOT NULL GROUP BY lead_id) j
      WHERE j.lead_id = k.lead_id;
      ALTER TABLE visitor_journey_keys ADD COLUMN touch_times timestamptz[];
      UPDATE visitor_journey_keys k SET touch_times = j.times
      FROM (SELECT visitor_id, array_agg(occurred_at ORDER BY occurred_at, id) AS times FROM touches
            WHERE deleted_at IS NULL AND lead_id IS NULL AND visitor_id IS NOT NULL GROUP BY visitor_id) j
      WHERE j.visitor_id = k.visitor_id;
      ALTER TABLE deal_journey_keys ADD COLUMN closed_at timestamptz;
      UPDATE deal_journey_keys k SET closed_at = d.closed_at FROM deals d WHERE d.id = k.deal_id;
      -- Rows the refresh would no longer store: stored again by the next refresh.
      INSERT INTO touch_credit_stale_leads (lead_id) SELECT lead_id FROM lead_journey_keys WHERE touch_times IS NULL ON CONFLICT DO NOTHING;
      DELETE FROM lead_journey_keys WHERE touch_times IS NULL;
      INSERT INTO touch_credit_stale_visitors (visitor_id) SELECT visitor_id FROM visitor_journey_keys WHERE touch_times IS NULL ON CONFLICT DO NOTHING;
      DELETE FROM visitor_journey_keys WHERE touch_times IS NULL;
      INSERT INTO touch_credit_stale_deals (deal_id) SELECT deal_id FROM deal_journey_keys WHERE closed_at IS NULL ON CONFLICT DO NOTHING;
      DELETE FROM deal_journey_keys WHERE closed_at IS NULL;
      ALTER TABLE lead_journey_keys ALTER COLUMN touch_times SET NOT NULL;
      ALTER TABLE visitor_journey_keys ALTER COLUMN touch_times SET NOT NULL;
      ALTER TABLE deal_journey_keys ALTER COLUMN closed_at SET NOT NULL;
      COMMENT ON COLUMN lead_journey_keys.touch_times IS 'When each touch of the keys happened, in the same order.';
      COMMENT ON COLUMN visitor_journey_keys.touch_times IS 'When each touch of the keys happened, in the same order.';
      COMMENT ON COLUMN deal_journey_keys.closed_at IS 'The deal''s closed_at when its keys were stored.';
      CREATE INDEX deal_journey_keys_closed_at_idx ON deal_journey_keys (closed_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX deal_journey_keys_closed_at_idx;
      ALTER TABLE deal_journey_keys DROP COLUMN closed_at;
      ALTER TABLE visitor_journey_keys DROP COLUMN touch_times;
      ALTER TABLE lead_journey_keys DROP COLUMN touch_times;
    `);
  }
}
