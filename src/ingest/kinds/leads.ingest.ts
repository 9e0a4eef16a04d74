import { LifecycleStage } from '../../database/enums';
import { boolean, deletedAt, duplicateKey, maxLength, oneOf, reference, required, survivorJoin, timestamp } from '../checks';
import { IngestKind, stagingTable } from '../ingest-kind';
import { countsSql, staleLeadStagesSql, staleLeadsSql, upsertSql } from '../upsert-sql';
import { UserErrorCode } from '../user-error';

const name = 'leads';
const stage = stagingTable({ name } as IngestKind);

export const leads: IngestKind = {
  name,
  fields: ['externalId', 'accountExternalId', 'email', 'name', 'createdAt', 'lifecycleStage', 'stageChangedAt', 'deleted'],
  joins: `${survivorJoin('accounts', 'a', 's.account_external_id')}
          LEFT JOIN leads other ON lower(other.email) = lower(s.email) AND other.deleted_at IS NULL
                               AND other.external_id <> s.external_id`,
  checks: [
    required('externalId'),
    maxLength('externalId', 255),
    reference('accountExternalId', 'a', 'account'),
    maxLength('email', 254),
    {
      field: 'email',
      code: UserErrorCode.INVALID_VALUE,
      when: `s.email !~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'`,
      message: `format('email %s is not an email address', quote_literal(left(s.email, 80)))`,
    },
    {
      field: 'email',
      code: UserErrorCode.CONFLICT,
      when: 'other.id IS NOT NULL',
      message: `format('email %s already belongs to lead %s', quote_literal(left(s.email, 80)), quote_literal(left(other.external_id, 80)))`,
    },
    maxLength('name', 500),
    required('createdAt'),
    ...timestamp('createdAt'),
    oneOf('lifecycleStage', Object.values(LifecycleStage)),
    ...timestamp('stageChangedAt'),
    boolean('deleted'),
  ],
  extraChecks: [
    duplicateKey(stage, ['externalId'], 'a lead'),
    `SELECT s.row_no, 'email', '${UserErrorCode.DUPLICATE_IN_BATCH}',
            format('email %s appears %s times in this batch (emails are unique, ignoring case)', quote_literal(left(s.email, 80)), d.n)
     FROM ${stage} s
     JOIN (SELECT lower(email) AS email, count(*) AS n FROM ${stage} WHERE email IS NOT NULL
           GROUP BY 1 HAVING count(*) > 1) d ON d.email = lower(s.email)`,
  ],
  // A lead's stage is kept when an item omits it; each change is recorded in its history, and
  // a lead that moves to another account takes its touches with it (account_id is the shard key).
  merge: [
    `CREATE TEMP TABLE ingest_leads_resolved ON COMMIT DROP AS
     SELECT s.external_id, a.id AS account_id, s.email, s.name, ingest_timestamptz(s.created_at) AS created_at,
            coalesce(s.lifecycle_stage::lifecycle_stage, old.lifecycle_stage, 'LEAD') AS lifecycle_stage,
            old.id AS old_id, old.lifecycle_stage AS old_stage, old.account_id AS old_account_id,
            old.stage_changed_at AS old_stage_changed_at, ingest_timestamptz(s.stage_changed_at) AS stage_changed_at,
            ${deletedAt} AS deleted_at
     FROM ${stage} s
     ${survivorJoin('accounts', 'a', 's.account_external_id')}
     LEFT JOIN leads old ON old.external_id = s.external_id
     -- A merged lead's record lives on in its survivor: a sync that still sends it changes nothing.
     WHERE old.merged_into_id IS NULL`,
    `WITH ${upsertSql('up', {
      table: 'leads',
      key: ['external_id'],
      columns: ['account_id', 'email', 'name', 'created_at', 'lifecycle_stage', 'stage_changed_at'],
      select: `SELECT r.external_id, r.account_id, r.email, r.name, r.created_at, r.lifecycle_stage,
                      CASE WHEN r.old_id IS NULL THEN coalesce(r.stage_changed_at, r.created_at)
                           WHEN r.old_stage IS DISTINCT FROM r.lifecycle_stage THEN coalesce(r.stage_changed_at, now())
                           ELSE r.old_stage_changed_at END,
                      r.deleted_at
               FROM ingest_leads_resolved r`,
      returning: ['id', 'external_id', 'account_id', 'lifecycle_stage', 'stage_changed_at'],
    })},
    history AS (
      INSERT INTO lead_stage_changes (lead_id, account_id, from_stage, to_stage, changed_at)
      SELECT up.id, up.account_id, r.old_stage, up.lifecycle_stage, up.stage_changed_at
      FROM up JOIN ingest_leads_resolved r USING (external_id)
      WHERE r.old_stage IS DISTINCT FROM up.lifecycle_stage
    ),
    moved AS (
      UPDATE touches SET account_id = up.account_id, updated_at = now()
      FROM up JOIN ingest_leads_resolved r USING (external_id)
      WHERE touches.lead_id = up.id AND r.old_id IS NOT NULL AND r.old_account_id IS DISTINCT FROM up.account_id
    ),
    stale AS (${staleLeadsSql('SELECT id FROM up')}),
    unscored AS (INSERT INTO lead_score_stale_leads (lead_id) SELECT id FROM up ON CONFLICT DO NOTHING),
    unstaged AS (${staleLeadStagesSql('SELECT id FROM up')})
    ${countsSql('up')}`,
  ],
};
