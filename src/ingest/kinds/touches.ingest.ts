import { TouchType } from '../../database/enums';
import { boolean, deletedAt, duplicateKey, maxLength, oneOf, reference, required, slug, timestamp } from '../checks';
import { IngestKind, stagingTable } from '../ingest-kind';
import { countsSql, registerChannelsSql, staleLeadsSql, upsertSql } from '../upsert-sql';
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
    maxLength('properties', 65_536),
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
    `WITH ${upsertSql('up', {
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
    })},
    -- A changed touch changes its lead's journey and score, and its former lead's if it moved: this
    -- statement still reads the touches as they were.
    changed_lead AS (SELECT lead_id FROM up UNION SELECT t.lead_id FROM touches t JOIN up ON up.id = t.id WHERE NOT up.inserted),
    stale_leads AS (${staleLeadsSql('SELECT lead_id FROM changed_lead')}),
    unscored AS (INSERT INTO lead_score_stale_leads (lead_id) SELECT lead_id FROM changed_lead ON CONFLICT DO NOTHING)
    ${countsSql('up')}`,
  ],
};
