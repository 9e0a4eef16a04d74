import { MigrationInterface, QueryRunner } from 'typeorm';

// API keys: only a SHA-256 of the secret is kept (secrets are 32 random bytes, so a slow hash would
// add nothing but latency to every request). Revoked keys stay for the audit trail.
export class ApiKeys1764250000000 implements MigrationInterface {
  name = 'ApiKeys1764250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE api_keys (
        id text PRIMARY KEY CHECK (id ~ '^ak_[0-9a-f]{12}$'),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        scope text NOT NULL CHECK (scope IN ('read', 'ingest', 'admin')),
        secret_sha256 bytea NOT NULL CHECK (length(secret_sha256) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
      COMMENT ON TABLE api_keys IS 'Credentials of API clients; the secret itself is never stored.';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE api_keys');
  }
}
