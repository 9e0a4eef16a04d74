/** The columns of the credits export, in order: one line per deal, journey touch and model. */
export const CREDIT_COLUMNS = [
  'model', 'basis', 'deal_external_id', 'conversion_at', 'currency', 'deal_amount', 'deal_amount_minor', 'unattributed',
  'touch_external_id', 'occurred_at', 'channel', 'campaign_external_id', 'source_medium', 'credit', 'credit_minor', 'share',
];
