import { MigrationInterface, QueryRunner } from 'typeorm';

// The key export links are signed with (HMAC-SHA256): one row, created by the first link, shared by
// every process on the database. Deleting the row invalidates every link ever handed out.
export class ExportLinkSecret1764800000001 implements MigrationInterface {
  name = 'ExportLinkSecret1764800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE export_link_secret (
        single boolean PRIMARY KEY DEFAULT true CHECK (single),
        secret bytea NOT NULL CHECK (length(secret) = 32),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      COMMENT ON TABLE export_link_secret IS 'The HMAC key of signed export links; never logged, never sent.';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE export_link_secret');
  }
}
