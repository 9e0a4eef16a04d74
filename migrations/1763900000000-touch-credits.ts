import { MigrationInterface, QueryRunner } from 'typeorm';

// Credits of every rule-based model with default options, per deal, basis and journey touch, kept
// current as data changes: default reports then read one GROUP BY instead of crediting journeys
// per request. Queues name what changed since the last refresh.
export class TouchCredits1763900000000 implements MigrationInterface {
  name = 'TouchCredits1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE TABLE touch_credits (
  deal_id bigint NOT NULL,
  basis text NOT NULL,
  -- NULL for a deal whose journey is empty: its amount is unattributed.
  touch_id bigint,
  conversion_at timestamptz NOT NULL,
  -- The deal's amount in currency (the reporting currency when computed); NULL when an FX rate was missing.
  currency char(3) NOT NULL,
  amount_minor bigint,
  channel text,
  campaign_id bigint,
  source_medium text,
  -- Exactly one row per deal and basis has first_of_deal; one per deal and key has first_of_<key>,
  -- so totals and influenced figures are plain sums.
  first_of_deal boolean NOT NULL,
  first_of_channel boolean NOT NULL,
  first_of_campaign boolean NOT NULL,
  first_of_source_medium boolean NOT NULL,
  -- Per model (default options): credit in minor units of the reporting currency, and share of the deal.
  credit_first_touch bigint NOT NULL,
  share_first_touch float8 NOT NULL,
  credit_last_touch bigint NOT NULL,
  share_last_touch float8 NOT NULL,
  credit_last_non_direct bigint NOT NULL,
  share_last_non_direct float8 NOT NULL,
  credit_linear bigint NOT NULL,
  share_linear float8 NOT NULL,
  credit_position_based bigint NOT NULL,
  share_position_based float8 NOT NULL,
  credit_u_shaped bigint NOT NULL,
  share_u_shaped float8 NOT NULL,
  credit_w_shaped bigint NOT NULL,
  share_w_shaped float8 NOT NULL,
  credit_full_path bigint NOT NULL,
  share_full_path float8 NOT NULL,
  credit_j_shaped bigint NOT NULL,
  share_j_shaped float8 NOT NULL,
  credit_inverse_j bigint NOT NULL,
  share_inverse_j float8 NOT NULL,
  credit_time_decay bigint NOT NULL,
  share_time_decay float8 NOT NULL
) PARTITION BY LIST (basis);
CREATE TABLE touch_credits_revenue PARTITION OF touch_credits FOR VALUES IN ('REVENUE');
CREATE TABLE touch_credits_pipeline PARTITION OF touch_credits FOR VALUES IN ('PIPELINE');
CREATE INDEX touch_credits_deal_idx ON touch_credits (deal_id);
CREATE INDEX touch_credits_touch_idx ON touch_credits (touch_id);
CREATE INDEX touch_credits_conversion_idx ON touch_credits (basis, conversion_at);

CREATE TABLE touch_credit_stale_deals (deal_id bigint PRIMARY KEY);
CREATE TABLE touch_credit_stale_leads (lead_id bigint PRIMARY KEY);

-- Deals that exist before this migration get their credits on the first refresh.
INSERT INTO touch_credit_stale_deals (deal_id) SELECT id FROM deals;
`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE touch_credits, touch_credit_stale_deals, touch_credit_stale_leads');
  }
}
