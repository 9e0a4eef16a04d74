import { boolean, date, deletedAt, duplicateKey, maxLength, required, slug } from '../checks';
import { IngestKind, stagingTable } from '../ingest-kind';
import { countsSql, registerChannelsSql, staleLeadsSql, upsertSql } from '../upsert-sql';
import { UserErrorCode } from '../user-error';

const name = 'campaigns';
const stage = stagingTable({ name } as IngestKind);

export const campaigns: IngestKind = {
  name,
  fields: ['externalId', 'name', 'channel', 'utmSource', 'utmMedium', 'utmCampaign', 'startsOn', 'endsOn', 'deleted'],
  checks: [
    required('externalId'),
    maxLength('externalId', 255),
    required('name'),
    maxLength('name', 500),
    required('channel'),
    slug('channel'),
    ...['utmSource', 'utmMedium', 'utmCampaign'].map((field) => maxLength(field, 500)),
    date('startsOn'),
    date('endsOn'),
    {
      field: 'endsOn',
      code: UserErrorCode.INVALID_DATE_ORDER,
      when: 'ingest_date(s.ends_on) < ingest_date(s.starts_on)',
      message: `format('endsOn %s is before startsOn %s', s.ends_on, s.starts_on)`,
    },
    boolean('deleted'),
  ],
  extraChecks: [duplicateKey(stage, ['externalId'], 'a campaign')],
  merge: [
    registerChannelsSql(stage),
    `WITH ${upsertSql('up', {
      table: 'campaigns',
      key: ['external_id'],
      columns: ['name', 'channel', 'utm_source', 'utm_medium', 'utm_campaign', 'starts_on', 'ends_on'],
      select: `SELECT s.external_id, s.name, s.channel, s.utm_source, s.utm_medium, s.utm_campaign,
                      ingest_date(s.starts_on), ingest_date(s.ends_on), ${deletedAt}
               FROM ${stage} s`,
      returning: ['id'],
    })},
    stale AS (${staleLeadsSql(`SELECT DISTINCT lead_id FROM touches
                               WHERE campaign_id IN (SELECT id FROM up WHERE NOT inserted)`)})
    ${countsSql('up')}`,
  ],
};
