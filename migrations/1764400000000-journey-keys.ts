import { MigrationInterface, QueryRunner } from 'typeorm';

// The data-driven models learn from every journey's sequence of keys. Built per request, that
// meant reading and sorting every touch of every journey (1.1M rows, about 1.5 s on the large demo
// data); kept here and refreshed with touch_credits, a report reads one row per journey. Keys are
// comma-separated tokens in (occurred_at, id) order: channel slugs, and campaign ids ('(none)' for a
// touch without campaign). Journeys without a touch have no row.
export class JourneyKeys1764400000000 implements MigrationInterface {
  name = 'JourneyKeys1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE deal_journey_keys (
        deal_id bigint PRIMARY KEY,
        channels text NOT NULL,
        campaigns text NOT NULL
      );
      COMMENT ON TABLE deal_journey_keys IS
        'Won and lost deals: the keys of the touches of their contacts (DEAL_CONTACTS) up to closed_at.';
      CREATE TABLE lead_journey_keys (
        lead_id bigint PRIMARY KEY,
        channels text NOT NULL,
        campaigns text NOT NULL,
        last_touch_at timestamptz NOT NULL
      );
      COMMENT ON TABLE lead_journey_keys IS 'Every lead with touches: the keys of all its touches, and when the last one happened.';
      -- Filled by the next refresh.
      INSERT INTO touch_credit_stale_leads (lead_id) SELECT id FROM leads ON CONFLICT DO NOTHING;
      INSERT INTO touch_credit_stale_deals (deal_id) SELECT id FROM deals ON CONFLICT DO NOTHING;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE deal_journey_keys, lead_journey_keys');
  }
}
