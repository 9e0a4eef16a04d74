import { TouchType } from '../../database/enums';
import { boolean, deletedAt, duplicateKey, maxLength, oneOf, reference, required, slug, survivorJoin, timestamp } from '../checks';
import { IngestKind, stagingTable } from '../ingest-kind';
import { countsSql, registerChannelsSql, staleLeadStagesSql, staleLeadsSql, staleVisitorsSql, upsertSql } from '../upsert-sql';
import { UserErrorCode } from '../user-error';

const name = 'touches';
const stage = stagingTable({ name } as IngestKind);

const utm = ['utmSource', 'utmMedium', 'utmCampaign', 'utmContent', 'utmTerm'];

export const touches: IngestKind = {
  name,
  fields: ['externalId', 'leadExternalId', 'campaignExternalId', 'channel', 'type', 'occurredAt', ...utm, 'properties',
    'deleted', 'visitorId'],
  joins: `${survivorJoin('leads', 'l', 's.lead_external_id')}
          LEFT JOIN campaigns c ON c.external_id = s.campaign_external_id`,
  checks: [
    required('externalId'),
    maxLength('externalId', 255),
    {
      field: 'leadExternalId',
      code: UserErrorCode.REQUIRED,
      when: 's.lead_external_id IS NULL AND s.visitor_id IS NULL',
      message: `'leadExternalId is required when no visitorId is given'`,
    },
    reference('leadExternalId', 'l', 'lead'),
    maxLength('visitorId', 255),
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
        'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term', 'properties', 'visitor_id',
        'lead_via_visitor'],
      // The lead the touch names, else its visitor's lead (the link may predate the touch).
      select: `SELECT s.external_id, coalesce(l.id, vl.id), coalesce(l.account_id, vl.account_id), c.id,
                      coalesce(s.channel, c.channel), s.type::touch_type,
                      ingest_timestamptz(s.occurred_at), s.utm_source, s.utm_medium, s.utm_campaign, s.utm_content,
                      s.utm_term, s.properties::jsonb, s.visitor_id, l.id IS NULL AND vl.id IS NOT NULL, ${deletedAt}
               FROM ${stage} s
               ${survivorJoin('leads', 'l', 's.lead_external_id')}
               LEFT JOIN visitor_links v ON v.visitor_id = s.visitor_id
               LEFT JOIN leads vl ON vl.id = v.lead_id
               LEFT JOIN campaigns c ON c.external_id = s.campaign_external_id`,
      returning: ['id', 'lead_id', 'visitor_id'],
    })},
    -- A changed touch changes its lead's (or anonymous visitor's) journey and score, and its former
    -- one's if it moved: this statement still reads the touches as they were.
    before AS (SELECT t.lead_id, t.visitor_id FROM touches t JOIN up ON up.id = t.id WHERE NOT up.inserted),
    changed_lead AS (SELECT lead_id FROM up WHERE lead_id IS NOT NULL
                     UNION SELECT lead_id FROM before WHERE lead_id IS NOT NULL),
    stale_leads AS (${staleLeadsSql('SELECT lead_id FROM changed_lead')}),
    stale_visitors AS (${staleVisitorsSql('SELECT visitor_id FROM up WHERE visitor_id IS NOT NULL UNION SELECT visitor_id FROM before WHERE visitor_id IS NOT NULL')}),
    unscored AS (INSERT INTO lead_score_stale_leads (lead_id) SELECT lead_id FROM changed_lead ON CONFLICT DO NOTHING),
    -- Its first touch is a lead's funnel source.
    unstaged AS (${staleLeadStagesSql('SELECT lead_id FROM changed_lead')})
    ${countsSql('up')}`,
  ],
};
