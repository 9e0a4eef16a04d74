import { MigrationInterface, QueryRunner } from 'typeorm';

// Credits stored before shares were exact let floating-point drift, not the earlier touch, take a
// leftover minor unit between equal shares. Every deal is credited again at the next report.
export class RecreditExactTies1764600000000 implements MigrationInterface {
  name = 'RecreditExactTies1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('INSERT INTO touch_credit_stale_deals (deal_id) SELECT id FROM deals ON CONFLICT DO NOTHING');
  }

  async down(): Promise<void> {
    // Nothing to undo: the credits were recomputed by the rules in force.
  }
}
