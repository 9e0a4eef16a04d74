import { MigrationInterface, QueryRunner } from 'typeorm';

// The funnel, lead quality and KPI reports read, per lead, the first time it reached each stage.
// Computed at read time, each lead took four lookups by key (score, lifecycle changes, deals,
// first touch) in indexes that deepen as history grows. Stored here per live lead, kept by the
// scoring refresh for the leads marked stale, a period's leads are one range of an index.
// For BI tools: the funnel of leads created in a period is a count of this view's stage columns
// by the first touch's channel or campaign (what the GraphQL funnel reports).
const REPORTING_VIEW = `
CREATE VIEW reporting.lead_stages AS
SELECT l.external_id AS lead_external_id, a.external_id AS account_external_id, s.created_at,
       s.mql_at, s.sql_at, s.opportunity_at, s.won_at, s.first_channel, c.external_id AS first_campaign_external_id
FROM lead_stages s
JOIN leads l ON l.id = s.lead_id
LEFT JOIN accounts a ON a.id = s.account_id
LEFT JOIN campaigns c ON c.id = s.first_campaign_id;

COMMENT ON VIEW reporting.lead_stages IS 'Every lead that is not deleted, with the first time it reached each funnel stage (current as of the last refresh). Count the stage columns of the leads created in a period, by first_channel or first_campaign_external_id, to get the GraphQL funnel.';
COMMENT ON COLUMN reporting.lead_stages.lead_external_id IS 'The lead''s id in the source system.';
COMMENT ON COLUMN reporting.lead_stages.account_external_id IS 'The lead''s account id in the source system.';
COMMENT ON COLUMN reporting.lead_stages.created_at IS 'When the lead was created (UTC): the LEAD stage.';
COMMENT ON COLUMN reporting.lead_stages.mql_at IS 'When the lead first became a marketing-qualified lead (its score reached the threshold, or its lifecycle stage), or reached a later stage if earlier (UTC); NULL if never.';
COMMENT ON COLUMN reporting.lead_stages.sql_at IS 'When the lead first became a sales-qualified lead (lifecycle stage), or reached a later stage if earlier (UTC); NULL if never.';
COMMENT ON COLUMN reporting.lead_stages.opportunity_at IS 'When a deal the lead is a contact of was first created, or its lifecycle stage became OPPORTUNITY, or it was won if earlier (UTC); NULL if never.';
COMMENT ON COLUMN reporting.lead_stages.won_at IS 'When a deal the lead is a contact of was first won, or its lifecycle stage became CUSTOMER (UTC); NULL if never.';
COMMENT ON COLUMN reporting.lead_stages.first_channel IS 'The channel of the lead''s first touch; NULL without touches.';
COMMENT ON COLUMN reporting.lead_stages.first_campaign_external_id IS 'The campaign of the lead''s first touch, by its id in the source system; NULL without one.';
`;

export class LeadStages1765900000000 implements MigrationInterface {
  name = 'LeadStages1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE lead_stages (
        lead_id bigint PRIMARY KEY REFERENCES leads (id),
        account_id bigint,
        created_at timestamptz NOT NULL,
        mql_at timestamptz,
        sql_at timestamptz,
        opportunity_at timestamptz,
        won_at timestamptz,
        first_channel text,
        first_campaign_id bigint
      );
      COMMENT ON TABLE lead_stages IS 'Each live lead''s first time at each funnel stage (definitions: src/sales/lead-stages-sql.ts), and its first touch.';
      CREATE INDEX lead_stages_created_at_idx ON lead_stages (created_at)
        INCLUDE (lead_id, account_id, mql_at, sql_at, opportunity_at, won_at, first_channel, first_campaign_id);
      CREATE INDEX lead_stages_mql_at_idx ON lead_stages (mql_at) INCLUDE (sql_at) WHERE mql_at IS NOT NULL;
      CREATE TABLE lead_stage_stale_leads (lead_id bigint PRIMARY KEY);
      INSERT INTO lead_stage_stale_leads (lead_id) SELECT id FROM leads;
    `);
    await queryRunner.query(REPORTING_VIEW);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW reporting.lead_stages');
    await queryRunner.query('DROP TABLE lead_stage_stale_leads, lead_stages');
  }
}
