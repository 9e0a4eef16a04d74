import { MigrationInterface, QueryRunner } from 'typeorm';

// Anonymous touches and identity: a touch may name a visitor (a browser or device id) instead of a
// lead. touches.lead_id stays the lead whose journey the touch is part of, so every report keeps
// reading one column: it is the named lead, or else the lead the visitor is linked to
// (lead_via_visitor), or NULL while the visitor is anonymous. Merged leads and accounts are kept,
// soft-deleted at the merge, with a pointer to the record that survives them (always the last
// one of a chain, so a reference resolves in one step).
export class VisitorsAndMerges1765000000000 implements MigrationInterface {
  name = 'VisitorsAndMerges1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE touches ALTER COLUMN lead_id DROP NOT NULL,
        ADD COLUMN visitor_id text CHECK (visitor_id <> ''),
        ADD COLUMN lead_via_visitor boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT touches_lead_or_visitor CHECK (lead_id IS NOT NULL OR visitor_id IS NOT NULL);
      CREATE INDEX touches_visitor_idx ON touches (visitor_id) WHERE visitor_id IS NOT NULL;
      -- The journeys of visitors never identified, in time order.
      CREATE INDEX touches_anonymous_idx ON touches (visitor_id, occurred_at, id) WHERE lead_id IS NULL;

      CREATE TABLE visitor_links (
        visitor_id text PRIMARY KEY CHECK (visitor_id <> ''),
        lead_id bigint NOT NULL REFERENCES leads (id),
        identified_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX visitor_links_lead_idx ON visitor_links (lead_id);
      COMMENT ON TABLE visitor_links IS 'Which lead each identified visitor belongs to now.';

      -- Every link that changed a visitor's lead, including moves by a later link or a lead merge.
      CREATE TABLE visitor_link_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        visitor_id text NOT NULL,
        lead_id bigint NOT NULL REFERENCES leads (id),
        previous_lead_id bigint REFERENCES leads (id),
        identified_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX visitor_link_changes_visitor_idx ON visitor_link_changes (visitor_id, id);

      -- The data-driven models' non-converting journeys of visitors never identified.
      CREATE TABLE visitor_journey_keys (
        visitor_id text PRIMARY KEY,
        channels text NOT NULL,
        campaigns text NOT NULL,
        last_touch_at timestamptz NOT NULL
      );
      CREATE INDEX visitor_journey_keys_last_touch_idx ON visitor_journey_keys (last_touch_at);
      CREATE TABLE touch_credit_stale_visitors (visitor_id text PRIMARY KEY);

      ALTER TABLE leads ADD COLUMN merged_into_id bigint REFERENCES leads (id), ADD COLUMN merged_at timestamptz,
        ADD CONSTRAINT leads_merged_is_deleted CHECK (merged_into_id IS NULL OR deleted_at IS NOT NULL);
      CREATE INDEX leads_merged_into_idx ON leads (merged_into_id) WHERE merged_into_id IS NOT NULL;
      ALTER TABLE accounts ADD COLUMN merged_into_id bigint REFERENCES accounts (id), ADD COLUMN merged_at timestamptz,
        ADD CONSTRAINT accounts_merged_is_deleted CHECK (merged_into_id IS NULL OR deleted_at IS NOT NULL);
      CREATE INDEX accounts_merged_into_idx ON accounts (merged_into_id) WHERE merged_into_id IS NOT NULL;

      -- Anonymous touches join the BI view; its columns only grow.
      CREATE OR REPLACE VIEW reporting.touches AS
      SELECT t.external_id, t.occurred_at, t.type::text AS type, t.channel, c.external_id AS campaign_external_id,
             c.name AS campaign_name, t.utm_source, t.utm_medium, t.utm_campaign, t.utm_content, t.utm_term,
             l.external_id AS lead_external_id, a.external_id AS account_external_id, t.visitor_id
      FROM touches t
      LEFT JOIN leads l ON l.id = t.lead_id
      LEFT JOIN campaigns c ON c.id = t.campaign_id
      LEFT JOIN accounts a ON a.id = t.account_id
      WHERE t.deleted_at IS NULL;
      COMMENT ON VIEW reporting.touches IS
        'Every marketing or sales touch that is not deleted, with its campaign, and its lead once known.';
      COMMENT ON COLUMN reporting.touches.lead_external_id IS
        'The lead whose journey the touch is part of (named by the touch, or by its visitor''s link); NULL while the visitor is anonymous.';
      COMMENT ON COLUMN reporting.touches.visitor_id IS 'The browser or device id the web analytics tool gave, if any.';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP VIEW reporting.touches;
      CREATE VIEW reporting.touches AS
      SELECT t.external_id, t.occurred_at, t.type::text AS type, t.channel, c.external_id AS campaign_external_id,
             c.name AS campaign_name, t.utm_source, t.utm_medium, t.utm_campaign, t.utm_content, t.utm_term,
             l.external_id AS lead_external_id, a.external_id AS account_external_id
      FROM touches t JOIN leads l ON l.id = t.lead_id
      LEFT JOIN campaigns c ON c.id = t.campaign_id LEFT JOIN accounts a ON a.id = t.account_id
      WHERE t.deleted_at IS NULL;
      DROP TABLE visitor_links, visitor_link_changes, visitor_journey_keys, touch_credit_stale_visitors;
      ALTER TABLE accounts DROP COLUMN merged_into_id, DROP COLUMN merged_at;
      ALTER TABLE leads DROP COLUMN merged_into_id, DROP COLUMN merged_at;
      DELETE FROM touches WHERE lead_id IS NULL;
      ALTER TABLE touches DROP COLUMN visitor_id, DROP COLUMN lead_via_visitor, ALTER COLUMN lead_id SET NOT NULL;
    `);
  }
}
