import { MigrationInterface, QueryRunner } from 'typeorm';

// Reports of a period find their rows through the time the period filters, so their cost follows
// the period, not the history before it (measured in BENCHMARKS.md, "Scale"):
// - kpis finds the leads that reached a stage in the period through their stage times; lifecycle
//   changes were indexed by lead only (lead_stage_changes_lead_idx).
// - the data-driven models read the leads in no deal whose last touch falls in the period; without
//   an index that was a scan of every stored lead journey.
export class PeriodFirstIndexes1765200000000 implements MigrationInterface {
  name = 'PeriodFirstIndexes1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX lead_stage_changes_changed_at_idx ON lead_stage_changes (changed_at);
      CREATE INDEX lead_journey_keys_last_touch_at_idx ON lead_journey_keys (last_touch_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX lead_stage_changes_changed_at_idx, lead_journey_keys_last_touch_at_idx');
  }
}
