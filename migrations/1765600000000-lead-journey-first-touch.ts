import { MigrationInterface, QueryRunner } from 'typeorm';

// The data-driven models rebuild, from its touches before the period's end, the journey of every
// stored lead whose last touch comes after that end (42,016 leads for a quarter of the large demo
// data). Most of them (25,811) had no touch before the end at all: their first touch tells so
// without reading their touches. The index on last_touch_at carries it and the lead, so those
// leads are found without visiting their rows (one heap visit per lead at ten times the data).
export class LeadJourneyFirstTouch1765600000000 implements MigrationInterface {
  name = 'LeadJourneyFirstTouch1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE lead_journey_keys ADD COLUMN first_touch_at timestamptz;
      UPDATE lead_journey_keys k SET first_touch_at =
        (SELECT min(t.occurred_at) FROM touches t WHERE t.lead_id = k.lead_id AND t.deleted_at IS NULL);
      ALTER TABLE lead_journey_keys ALTER COLUMN first_touch_at SET NOT NULL;
      COMMENT ON COLUMN lead_journey_keys.first_touch_at IS 'When the first of these touches happened.';
      DROP INDEX lead_journey_keys_last_touch_at_idx;
      CREATE INDEX lead_journey_keys_last_touch_at_idx ON lead_journey_keys (last_touch_at) INCLUDE (first_touch_at, lead_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX lead_journey_keys_last_touch_at_idx;
      ALTER TABLE lead_journey_keys DROP COLUMN first_touch_at;
      CREATE INDEX lead_journey_keys_last_touch_at_idx ON lead_journey_keys (last_touch_at);
    `);
  }
}
