import { MigrationInterface, QueryRunner } from 'typeorm';

// The `reporting` schema: flat, documented views for BI tools that connect to PostgreSQL itself.
// They are a public contract: a later migration may add columns or views, never rename or drop
// one. Views run with their owner's rights (no security_invoker), so a role granted SELECT on
// them reads the numbers without any right on the tables beneath. `reporting.touch_credits`
// reads the stored credits: as current as the last refresh (README, "BI tools").
const MODELS = [
  'FIRST_TOUCH', 'LAST_TOUCH', 'LAST_NON_DIRECT', 'LINEAR', 'POSITION_BASED', 'U_SHAPED', 'W_SHAPED', 'FULL_PATH',
  'J_SHAPED', 'INVERSE_J', 'TIME_DECAY',
];

const modelValues = MODELS.map((model) => {
  const suffix = model.toLowerCase();
  return `('${model}', tc.credit_${suffix}, tc.share_${suffix})`;
}).join(',\n      ');

// Exact decimal of minor units: numeric division by a power of ten loses nothing.
const decimal = (minor: string, units: string) => `round(${minor}::numeric / (10::numeric ^ ${units}), ${units})`;

const TOUCH_CREDITS = `
CREATE VIEW reporting.touch_credits AS
SELECT tc.basis, m.model, tc.conversion_at,
       d.external_id AS deal_external_id, d.name AS deal_name, d.status::text AS deal_status,
       d.created_at AS deal_created_at, d.closed_at AS deal_closed_at,
       d.amount_minor AS deal_amount_minor, d.currency::text AS deal_currency,
       ${decimal('d.amount_minor', 'dcur.minor_units')} AS deal_amount,
       tc.currency::text AS reporting_currency, tc.amount_minor AS deal_amount_reporting_minor,
       ${decimal('tc.amount_minor', 'rcur.minor_units')} AS deal_amount_reporting,
       tc.touch_id IS NULL AS unattributed,
       t.external_id AS touch_external_id, t.occurred_at, t.type::text AS touch_type, tc.channel,
       c.external_id AS campaign_external_id, c.name AS campaign_name, t.utm_source, t.utm_medium,
       a.external_id AS account_external_id, a.name AS account_name, a.industry AS account_industry,
       a.segment AS account_segment, a.size AS account_size,
       credit.reporting_minor AS credit_reporting_minor,
       ${decimal('credit.reporting_minor', 'rcur.minor_units')} AS credit_reporting,
       CASE WHEN d.currency = tc.currency THEN credit.reporting_minor
            ELSE round(credit.reporting_minor::numeric * d.amount_minor / nullif(tc.amount_minor, 0))::bigint END AS credit_deal_minor,
       credit.share
FROM touch_credits tc
JOIN deals d ON d.id = tc.deal_id
JOIN currencies dcur ON dcur.code = d.currency
JOIN currencies rcur ON rcur.code = tc.currency
LEFT JOIN touches t ON t.id = tc.touch_id
LEFT JOIN campaigns c ON c.id = tc.campaign_id
LEFT JOIN accounts a ON a.id = d.account_id
CROSS JOIN LATERAL (VALUES
      ${modelValues}
  ) m(model, credit_minor, share)
-- A deal without a touch is one row holding its whole amount, as the GraphQL UNATTRIBUTED row.
CROSS JOIN LATERAL (SELECT CASE WHEN tc.touch_id IS NULL THEN tc.amount_minor ELSE m.credit_minor END AS reporting_minor,
                           CASE WHEN tc.touch_id IS NULL THEN 1::float8 ELSE m.share END AS share) credit;

COMMENT ON VIEW reporting.touch_credits IS 'One row per deal, journey touch and rule-based model (default options: every deal contact, no lookback or filters) for each basis. Sum credit_reporting_minor by channel, campaign or period over conversion_at in [from, to) for a basis and model to get the GraphQL attribution report; rows with unattributed = true (no touch) are its UNATTRIBUTED row. Read from stored credits: current as of the last refresh (npx attribution refresh, or any stored report).';
COMMENT ON COLUMN reporting.touch_credits.basis IS 'REVENUE (won deals, converted at closed_at) or PIPELINE (every deal, converted at created_at).';
COMMENT ON COLUMN reporting.touch_credits.model IS 'The attribution model, as the GraphQL AttributionModel enum names it (FIRST_TOUCH, LINEAR, W_SHAPED, ...), with default options.';
COMMENT ON COLUMN reporting.touch_credits.conversion_at IS 'The deal''s conversion time for the basis: closed_at for REVENUE, created_at for PIPELINE. Report periods filter and bucket on it.';
COMMENT ON COLUMN reporting.touch_credits.deal_external_id IS 'The deal''s id in the source system.';
COMMENT ON COLUMN reporting.touch_credits.deal_name IS 'The deal''s name.';
COMMENT ON COLUMN reporting.touch_credits.deal_status IS 'OPEN, WON or LOST.';
COMMENT ON COLUMN reporting.touch_credits.deal_created_at IS 'When the deal was created (UTC).';
COMMENT ON COLUMN reporting.touch_credits.deal_closed_at IS 'When the deal was won or lost (UTC); NULL while open.';
COMMENT ON COLUMN reporting.touch_credits.deal_amount_minor IS 'The deal''s amount in minor units of deal_currency (cents for USD).';
COMMENT ON COLUMN reporting.touch_credits.deal_currency IS 'ISO 4217 currency of the deal''s amount.';
COMMENT ON COLUMN reporting.touch_credits.deal_amount IS 'The deal''s amount as an exact decimal of deal_currency.';
COMMENT ON COLUMN reporting.touch_credits.reporting_currency IS 'ISO 4217 currency the credits are in (the service''s REPORTING_CURRENCY).';
COMMENT ON COLUMN reporting.touch_credits.deal_amount_reporting_minor IS 'The deal''s amount in minor units of reporting_currency, at the FX rate of its conversion date; NULL when that rate is missing.';
COMMENT ON COLUMN reporting.touch_credits.deal_amount_reporting IS 'deal_amount_reporting_minor as an exact decimal.';
COMMENT ON COLUMN reporting.touch_credits.unattributed IS 'True for a deal whose journey has no touch: one row, no touch, the whole amount as its credit (the GraphQL UNATTRIBUTED row).';
COMMENT ON COLUMN reporting.touch_credits.touch_external_id IS 'The touch''s id in the source system; NULL when unattributed.';
COMMENT ON COLUMN reporting.touch_credits.occurred_at IS 'When the touch happened (UTC).';
COMMENT ON COLUMN reporting.touch_credits.touch_type IS 'The touch type (AD_CLICK, EMAIL_OPEN, FORM_SUBMIT, ...).';
COMMENT ON COLUMN reporting.touch_credits.channel IS 'The touch''s channel slug (paid_search, email, ...); NULL when unattributed.';
COMMENT ON COLUMN reporting.touch_credits.campaign_external_id IS 'The touch''s campaign id in the source system; NULL without a campaign (the GraphQL report keys that "(none)").';
COMMENT ON COLUMN reporting.touch_credits.campaign_name IS 'The campaign''s name.';
COMMENT ON COLUMN reporting.touch_credits.utm_source IS 'The touch''s utm_source.';
COMMENT ON COLUMN reporting.touch_credits.utm_medium IS 'The touch''s utm_medium.';
COMMENT ON COLUMN reporting.touch_credits.account_external_id IS 'The deal''s account id in the source system.';
COMMENT ON COLUMN reporting.touch_credits.account_name IS 'The deal''s account name.';
COMMENT ON COLUMN reporting.touch_credits.account_industry IS 'The account''s industry.';
COMMENT ON COLUMN reporting.touch_credits.account_segment IS 'The account''s segment.';
COMMENT ON COLUMN reporting.touch_credits.account_size IS 'The account''s size band.';
COMMENT ON COLUMN reporting.touch_credits.credit_reporting_minor IS 'The touch''s credit under the model, in minor units of reporting_currency (exact: a deal''s credits sum to deal_amount_reporting_minor). NULL when the FX rate is missing.';
COMMENT ON COLUMN reporting.touch_credits.credit_reporting IS 'credit_reporting_minor as an exact decimal of reporting_currency.';
COMMENT ON COLUMN reporting.touch_credits.credit_deal_minor IS 'The credit in minor units of deal_currency: equal to credit_reporting_minor when the currencies match, else the same share of deal_amount_minor rounded to a minor unit (so a deal''s sum may differ from its amount by a few minor units).';
COMMENT ON COLUMN reporting.touch_credits.share IS 'The touch''s share of the deal under the model, between 0 and 1 (1 when unattributed).';
`;

const DEALS = `
CREATE VIEW reporting.deals AS
SELECT d.external_id, d.name, d.status::text AS status, d.stage, d.owner, d.created_at, d.closed_at,
       d.amount_minor, d.currency::text AS currency, ${decimal('d.amount_minor', 'cur.minor_units')} AS amount,
       a.external_id AS account_external_id, a.name AS account_name, a.industry AS account_industry,
       a.segment AS account_segment, a.size AS account_size
FROM deals d
JOIN currencies cur ON cur.code = d.currency
LEFT JOIN accounts a ON a.id = d.account_id
WHERE d.deleted_at IS NULL;

COMMENT ON VIEW reporting.deals IS 'Every deal that is not deleted, with its account. Amounts are in the deal''s own currency (see reporting.touch_credits for the reporting currency).';
COMMENT ON COLUMN reporting.deals.external_id IS 'The deal''s id in the source system.';
COMMENT ON COLUMN reporting.deals.name IS 'The deal''s name.';
COMMENT ON COLUMN reporting.deals.status IS 'OPEN, WON or LOST.';
COMMENT ON COLUMN reporting.deals.stage IS 'The pipeline stage as the CRM names it.';
COMMENT ON COLUMN reporting.deals.owner IS 'The deal owner as the CRM names them.';
COMMENT ON COLUMN reporting.deals.created_at IS 'When the deal was created (UTC).';
COMMENT ON COLUMN reporting.deals.closed_at IS 'When the deal was won or lost (UTC); NULL while open.';
COMMENT ON COLUMN reporting.deals.amount_minor IS 'The amount in minor units of currency (cents for USD).';
COMMENT ON COLUMN reporting.deals.currency IS 'ISO 4217 currency of the amount.';
COMMENT ON COLUMN reporting.deals.amount IS 'The amount as an exact decimal.';
COMMENT ON COLUMN reporting.deals.account_external_id IS 'The account''s id in the source system.';
COMMENT ON COLUMN reporting.deals.account_name IS 'The account''s name.';
COMMENT ON COLUMN reporting.deals.account_industry IS 'The account''s industry.';
COMMENT ON COLUMN reporting.deals.account_segment IS 'The account''s segment.';
COMMENT ON COLUMN reporting.deals.account_size IS 'The account''s size band.';
`;

const TOUCHES = `
CREATE VIEW reporting.touches AS
SELECT t.external_id, t.occurred_at, t.type::text AS type, t.channel, c.external_id AS campaign_external_id,
       c.name AS campaign_name, t.utm_source, t.utm_medium, t.utm_campaign, t.utm_content, t.utm_term,
       l.external_id AS lead_external_id, a.external_id AS account_external_id
FROM touches t
JOIN leads l ON l.id = t.lead_id
LEFT JOIN campaigns c ON c.id = t.campaign_id
LEFT JOIN accounts a ON a.id = t.account_id
WHERE t.deleted_at IS NULL;

COMMENT ON VIEW reporting.touches IS 'Every marketing or sales touch that is not deleted, with its campaign and lead.';
COMMENT ON COLUMN reporting.touches.external_id IS 'The touch''s id in the source system.';
COMMENT ON COLUMN reporting.touches.occurred_at IS 'When the touch happened (UTC).';
COMMENT ON COLUMN reporting.touches.type IS 'The touch type (AD_CLICK, EMAIL_OPEN, FORM_SUBMIT, ...).';
COMMENT ON COLUMN reporting.touches.channel IS 'The channel slug (paid_search, email, ...).';
COMMENT ON COLUMN reporting.touches.campaign_external_id IS 'The campaign''s id in the source system; NULL without a campaign.';
COMMENT ON COLUMN reporting.touches.campaign_name IS 'The campaign''s name.';
COMMENT ON COLUMN reporting.touches.utm_source IS 'utm_source of the touch.';
COMMENT ON COLUMN reporting.touches.utm_medium IS 'utm_medium of the touch.';
COMMENT ON COLUMN reporting.touches.utm_campaign IS 'utm_campaign of the touch.';
COMMENT ON COLUMN reporting.touches.utm_content IS 'utm_content of the touch.';
COMMENT ON COLUMN reporting.touches.utm_term IS 'utm_term of the touch.';
COMMENT ON COLUMN reporting.touches.lead_external_id IS 'The touched lead''s id in the source system.';
COMMENT ON COLUMN reporting.touches.account_external_id IS 'The lead''s account id in the source system.';
`;

const CAMPAIGNS = `
CREATE VIEW reporting.campaigns AS
SELECT c.external_id, c.name, c.channel, c.utm_source, c.utm_medium, c.utm_campaign, c.starts_on, c.ends_on
FROM campaigns c
WHERE c.deleted_at IS NULL;

COMMENT ON VIEW reporting.campaigns IS 'Every campaign that is not deleted; its spend per day is in reporting.campaign_spend.';
COMMENT ON COLUMN reporting.campaigns.external_id IS 'The campaign''s id in the source system.';
COMMENT ON COLUMN reporting.campaigns.name IS 'The campaign''s name.';
COMMENT ON COLUMN reporting.campaigns.channel IS 'The campaign''s channel slug.';
COMMENT ON COLUMN reporting.campaigns.utm_source IS 'utm_source the campaign''s links carry.';
COMMENT ON COLUMN reporting.campaigns.utm_medium IS 'utm_medium the campaign''s links carry.';
COMMENT ON COLUMN reporting.campaigns.utm_campaign IS 'utm_campaign the campaign''s links carry.';
COMMENT ON COLUMN reporting.campaigns.starts_on IS 'First day of the campaign.';
COMMENT ON COLUMN reporting.campaigns.ends_on IS 'Last day of the campaign.';

CREATE VIEW reporting.campaign_spend AS
SELECT c.external_id AS campaign_external_id, c.channel, cc.cost_date, cc.amount_minor, cc.currency::text AS currency,
       ${decimal('cc.amount_minor', 'cur.minor_units')} AS amount
FROM campaign_costs cc
JOIN campaigns c ON c.id = cc.campaign_id
JOIN currencies cur ON cur.code = cc.currency
WHERE cc.deleted_at IS NULL AND c.deleted_at IS NULL;

COMMENT ON VIEW reporting.campaign_spend IS 'Spend per campaign and day, in the currency it was recorded in.';
COMMENT ON COLUMN reporting.campaign_spend.campaign_external_id IS 'The campaign''s id in the source system.';
COMMENT ON COLUMN reporting.campaign_spend.channel IS 'The campaign''s channel slug.';
COMMENT ON COLUMN reporting.campaign_spend.cost_date IS 'The day of the spend.';
COMMENT ON COLUMN reporting.campaign_spend.amount_minor IS 'The spend in minor units of currency.';
COMMENT ON COLUMN reporting.campaign_spend.currency IS 'ISO 4217 currency of the spend.';
COMMENT ON COLUMN reporting.campaign_spend.amount IS 'The spend as an exact decimal.';
`;

const LEADS = `
CREATE VIEW reporting.leads AS
SELECT l.external_id, l.name, l.email, l.created_at, l.lifecycle_stage::text AS lifecycle_stage, l.stage_changed_at,
       a.external_id AS account_external_id, a.name AS account_name,
       score.now AS score, score.now >= rs.threshold AS sales_ready, s.mql_at
FROM leads l
LEFT JOIN accounts a ON a.id = l.account_id
LEFT JOIN lead_scores s ON s.lead_id = l.id
LEFT JOIN scoring_rule_sets rs ON rs.version = s.rules_version
-- As the API's score: touch points decay from their anchor to now (stopping at 2^-100).
CROSS JOIN LATERAL (SELECT s.fit_points + s.touch_points * CASE WHEN s.anchor_at IS NULL OR rs.decay_half_life_days IS NULL THEN 1::float8
         ELSE power(2::float8, -least(extract(epoch FROM now() - s.anchor_at) / (rs.decay_half_life_days * 86400), 100)::float8) END AS now) score
WHERE l.deleted_at IS NULL;

COMMENT ON VIEW reporting.leads IS 'Every lead that is not deleted, with its stage and score under the rules in force when it was last scored (current as of the last refresh).';
COMMENT ON COLUMN reporting.leads.external_id IS 'The lead''s id in the source system.';
COMMENT ON COLUMN reporting.leads.name IS 'The lead''s name.';
COMMENT ON COLUMN reporting.leads.email IS 'The lead''s email address.';
COMMENT ON COLUMN reporting.leads.created_at IS 'When the lead was created (UTC).';
COMMENT ON COLUMN reporting.leads.lifecycle_stage IS 'SUBSCRIBER, LEAD, MQL, SQL, OPPORTUNITY, CUSTOMER or DISQUALIFIED.';
COMMENT ON COLUMN reporting.leads.stage_changed_at IS 'When the lead entered its stage (UTC).';
COMMENT ON COLUMN reporting.leads.account_external_id IS 'The lead''s account id in the source system.';
COMMENT ON COLUMN reporting.leads.account_name IS 'The lead''s account name.';
COMMENT ON COLUMN reporting.leads.score IS 'The lead''s score now: fit points plus touch points, decayed to now when the rules decay; NULL before any scoring rules are set.';
COMMENT ON COLUMN reporting.leads.mql_at IS 'When the running score first reached the threshold; NULL if it never did.';
COMMENT ON COLUMN reporting.leads.sales_ready IS 'True when the score reaches the threshold of the rules it was scored under (the GraphQL salesReady); NULL before any scoring rules are set.';
`;

export class ReportingViews1764800000000 implements MigrationInterface {
  name = 'ReportingViews1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE SCHEMA reporting;
      COMMENT ON SCHEMA reporting IS 'Flat views for BI tools, stable across releases: later versions add columns and views, never remove them. Read them with a role made by npx attribution reporting-role create.';
    `);
    for (const sql of [TOUCH_CREDITS, DEALS, TOUCHES, CAMPAIGNS, LEADS]) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP SCHEMA reporting CASCADE');
  }
}
