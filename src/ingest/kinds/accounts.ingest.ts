import { boolean, deletedAt, duplicateKey, maxLength, required } from '../checks';
import { IngestKind, stagingTable } from '../ingest-kind';
import { countsSql, upsertSql } from '../upsert-sql';

const name = 'accounts';
const stage = stagingTable({ name } as IngestKind);

export const accounts: IngestKind = {
  name,
  fields: ['externalId', 'name', 'domain', 'segment', 'industry', 'size', 'deleted'],
  checks: [
    required('externalId'),
    maxLength('externalId', 255),
    required('name'),
    maxLength('name', 500),
    maxLength('domain', 255),
    maxLength('segment', 200),
    maxLength('industry', 200),
    maxLength('size', 200),
    boolean('deleted'),
  ],
  extraChecks: [duplicateKey(stage, ['externalId'], 'an account')],
  merge: [
    `WITH ${upsertSql('up', {
      table: 'accounts',
      key: ['external_id'],
      columns: ['name', 'domain', 'segment', 'industry', 'size'],
      // A merged account's record lives on in its survivor: a sync that still sends it changes nothing.
      select: `SELECT s.external_id, s.name, lower(s.domain), s.segment, s.industry, s.size, ${deletedAt}
               FROM ${stage} s
               WHERE NOT EXISTS (SELECT 1 FROM accounts m WHERE m.external_id = s.external_id AND m.merged_into_id IS NOT NULL)`,
      returning: ['id'],
    })},
    -- Fit points come from the account: a changed account rescores its leads.
    unscored AS (INSERT INTO lead_score_stale_leads (lead_id)
                 SELECT l.id FROM leads l JOIN up ON l.account_id = up.id WHERE NOT up.inserted ON CONFLICT DO NOTHING)
    ${countsSql('up')}`,
  ],
};
