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
    boolean('deleted'),
  ],
  extraChecks: [duplicateKey(stage, ['externalId'], 'an account')],
  merge: [
    `WITH up AS (${upsertSql({
      table: 'accounts',
      key: ['external_id'],
      columns: ['name', 'domain', 'segment', 'industry', 'size'],
      select: `SELECT s.external_id, s.name, lower(s.domain), s.segment, s.industry, s.size, ${deletedAt}
               FROM ${stage} s`,
    })}) ${countsSql('up')}`,
  ],
};
