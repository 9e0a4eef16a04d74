import { MigrationInterface, QueryRunner } from 'typeorm';

// Stored credits are kept in the reporting currency, and every refresh (so every stored report)
// checked for credits in another one by scanning all of touch_credits: about 0.3 s on 1M touches,
// more than the report itself. The currency now sits in one row, changed by the refresh that marks
// every deal stale. Credits in several currencies (a switch cut short) start with no row, so the
// first refresh credits everything again.
export class TouchCreditCurrency1764300000000 implements MigrationInterface {
  name = 'TouchCreditCurrency1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE touch_credit_currency (
        single boolean PRIMARY KEY DEFAULT true CHECK (single),
        currency char(3) NOT NULL
      );
      COMMENT ON TABLE touch_credit_currency IS 'The one currency touch_credits are computed in.';
      INSERT INTO touch_credit_currency (currency)
      SELECT min(currency) FROM touch_credits HAVING count(DISTINCT currency) = 1;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE touch_credit_currency');
  }
}
