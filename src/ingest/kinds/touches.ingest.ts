import { TouchType } from '../../entities/enums';
import { boolean, deletedAt, duplicateKey, maxLength, oneOf, reference, required, slug, timestamp } from '../checks';
import { IngestKind, stagingTable } from '../ingest-kind';
import { countsSql, registerChannelsSql, staleDealsSql, staleLeadsSql, upsertSql } from '../upsert-sql';
import { UserErrorCode } from '../user-error';

const name = 'touches';
const stage = stagingTable({ name } as IngestKind);

const utm = ['utmSource', 'utmMedium', 'utmCampaign', 'utmContent', 'utmTerm'];

export const touches: IngestKind = {
  name,
  fields: ['externalId', 'leadExternalId', 'campaignExternalId', 'channel', 'type', 'occurredAt', ...utm, 'properties', 'deleted'],
  joins: `LEFT JOIN leads l ON l.external_id = s.lead_external_id
          LEFT JOIN campaigns c ON c.external_id = s.campaign_external_id`,
  checks: [
    required('externalId'),
    maxLength('externalId', 255),
    required('leadExternalId'),
    reference('leadExternalId', 'l', 'lead'),
    reference('campaignExternalId', 'c', 'campaign'),
    {
      field: 'channel',
      code: UserErrorCode.REQUIRED,
      when: 's.channel IS NULL AND s.campaign_external_id IS NULL',
      message: `'channel is required when no campaignExternalId is given'`,
    },
    slug('channel'),
    required('type'),
    oneOf('type', Object.values(TouchType)),
    required('occurredAt'),
    ...timestamp('occurredAt'),
    ...utm.map((field) => maxLength(field, 500)),
    {
      field: 'properties',
      code: UserErrorCode.INVALID_JSON,
      when: `s.properties IS NOT NULL AND jsonb_typeof(ingest_jsonb(s.properties)) IS DISTINCT FROM 'object'`,
      message: `'properties is not a JSON object'`,
    },
    boolean('deleted'),
  ],
  extraChecks: [duplicateKey(stage, ['externalId'], 'a touch')],
  merge: [
    registerChannelsSql(stage),
    `WITH up AS (${upsertSql({
      table: 'touches',
      key: ['external_id'],
      columns: ['lead_id', 'account_id', 'campaign_id', 'channel', 'type', 'occurred_at',
        'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term', 'properties'],
      select: `SELECT s.external_id, l.id, l.account_id, c.id, coalesce(s.channel, c.channel), s.type::touch_type,
                      ingest_timestamptz(s.occurred_at), s.utm_source, s.utm_medium, s.utm_campaign, s.utm_content,
                      s.utm_term, s.properties::jsonb, ${deletedAt}
               FROM ${stage} s
               JOIN leads l ON l.external_id = s.lead_external_id
               LEFT JOIN campaigns c ON c.external_id = s.campaign_external_id`,
      returning: ['id', 'lead_id'],
    })}),
    stale_leads AS (${staleLeadsSql('SELECT DISTINCT lead_id FROM up')}),
    unscored AS (INSERT INTO lead_score_stale_leads (lead_id) SELECT DISTINCT lead_id FROM up ON CONFLICT DO NOTHING),
    moved AS (${staleDealsSql(`SELECT DISTINCT tc.deal_id FROM up JOIN touch_credits tc ON tc.touch_id = up.id
                               WHERE NOT up.inserted`)})
    ${countsSql('up')}`,
  ],
};
