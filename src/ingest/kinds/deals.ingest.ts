import { DealStatus } from '../../database/enums';
import {
  amount, boolean, currency, deletedAt, duplicateKey, maxLength, minorUnits, oneOf, reference, required, survivorJoin,
  timestamp,
} from '../checks';
import { IngestKind, parsed, stagingTable } from '../ingest-kind';
import { staleDealsSql, staleLeadStagesSql, staleLeadsSql, upsertSql } from '../upsert-sql';
import { UserErrorCode } from '../user-error';

const name = 'deals';
const stage = stagingTable({ name } as IngestKind);

// Contacts are staged as a JSON array of {leadExternalId, primary}; in CSV they are written
// "L-1*;L-2", a star marking the primary contact.
const contactsOf = (row: string) =>
  `jsonb_array_elements(CASE WHEN jsonb_typeof(ingest_jsonb(${row}.contacts)) = 'array'
                             THEN ingest_jsonb(${row}.contacts) ELSE '[]' END) WITH ORDINALITY`;

export const deals: IngestKind = {
  name,
  fields: ['externalId', 'name', 'accountExternalId', 'amount', 'currency', 'status', 'stage', 'owner',
    'createdAt', 'closedAt', 'changedAt', 'contacts', 'deleted'],
  csvFixups: `
    UPDATE ${stage} SET contacts = (
      SELECT jsonb_agg(jsonb_build_object('leadExternalId', rtrim(trim(item), '*'), 'primary', trim(item) LIKE '%*')
                       ORDER BY position)
      FROM unnest(string_to_array(contacts, ';')) WITH ORDINALITY AS c(item, position))
    WHERE contacts IS NOT NULL`,
  joins: `${survivorJoin('accounts', 'a', 's.account_external_id')}
          LEFT JOIN currencies cur ON cur.code = s.currency`,
  checks: [
    required('externalId'),
    maxLength('externalId', 255),
    required('name'),
    maxLength('name', 500),
    reference('accountExternalId', 'a', 'account'),
    required('amount'),
    ...amount('amount'),
    required('currency'),
    currency('currency'),
    required('status'),
    oneOf('status', Object.values(DealStatus)),
    maxLength('stage', 200),
    maxLength('owner', 200),
    required('createdAt'),
    ...timestamp('createdAt'),
    ...timestamp('closedAt'),
    ...timestamp('changedAt'),
    {
      field: 'closedAt',
      code: UserErrorCode.REQUIRED,
      when: `s.status IN ('WON', 'LOST') AND s.closed_at IS NULL`,
      message: `format('closedAt is required for a %s deal', s.status)`,
    },
    {
      field: 'closedAt',
      code: UserErrorCode.INVALID_VALUE,
      when: `s.status = 'OPEN' AND s.closed_at IS NOT NULL`,
      message: `'closedAt must be empty for an OPEN deal (it is the moment a deal is won or lost)'`,
    },
    {
      field: 'closedAt',
      code: UserErrorCode.INVALID_DATE_ORDER,
      when: `${parsed('closedAt')} < ${parsed('createdAt')}`,
      message: `format('closedAt %s is before createdAt %s', left(s.closed_at, 80), left(s.created_at, 80))`,
    },
    {
      field: 'contacts',
      code: UserErrorCode.INVALID_JSON,
      when: `s.contacts IS NOT NULL AND jsonb_typeof(ingest_jsonb(s.contacts)) IS DISTINCT FROM 'array'`,
      message: `'contacts is not a list of contacts'`,
    },
    boolean('deleted'),
  ],
  extraChecks: [
    duplicateKey(stage, ['externalId'], 'a deal'),
    `SELECT s.row_no, 'contacts.' || (c.position - 1) || '.leadExternalId', '${UserErrorCode.UNKNOWN_REFERENCE}',
            format('contacts.%s.leadExternalId: no lead has externalId %s', c.position - 1,
                   quote_literal(left(c.contact->>'leadExternalId', 80)))
     FROM ${stage} s CROSS JOIN LATERAL ${contactsOf('s')} AS c(contact, position)
     ${survivorJoin('leads', 'l', "c.contact->>'leadExternalId'")}
     WHERE l.id IS NULL`,
    `SELECT s.row_no, 'contacts', '${UserErrorCode.PRIMARY_CONTACT}',
            CASE WHEN x.duplicates > 0 THEN 'contacts lists the same lead more than once (or a lead and one merged into it)'
                 ELSE format('contacts has %s primary contacts among %s; exactly one must be primary', x.primaries, x.total) END
     FROM ${stage} s
     CROSS JOIN LATERAL (
       SELECT count(*) AS total,
              count(*) FILTER (WHERE (c.contact->>'primary')::boolean) AS primaries,
              count(*) - count(DISTINCT coalesce('#' || l.id, c.contact->>'leadExternalId')) AS duplicates
       FROM ${contactsOf('s')} AS c(contact, position)
       ${survivorJoin('leads', 'l', "c.contact->>'leadExternalId'")}) x
     WHERE x.duplicates > 0 OR x.primaries > 1 OR (x.primaries = 0 AND x.total > 1)`,
  ],
  // A deal's contact list is replaced by the item's (removed contacts are soft-deleted); a lone
  // contact is the primary one. Each change of status, stage or amount adds a history row.
  merge: [
    `CREATE TEMP TABLE ingest_deals_resolved ON COMMIT DROP AS
     SELECT s.external_id, s.name, a.id AS account_id, ${minorUnits('s.amount', 'cur.minor_units')} AS amount_minor,
            cur.code AS currency, s.status::deal_status AS status, s.stage, s.owner,
            ingest_timestamptz(s.created_at) AS created_at, ingest_timestamptz(s.closed_at) AS closed_at,
            ingest_timestamptz(s.changed_at) AS changed_at, ingest_jsonb(s.contacts) AS contacts,
            ${deletedAt} AS deleted_at, old.id AS old_id,
            old.status AS old_status, old.stage AS old_stage, old.amount_minor AS old_amount_minor,
            old.currency AS old_currency
     FROM ${stage} s
     JOIN currencies cur ON cur.code = s.currency
     ${survivorJoin('accounts', 'a', 's.account_external_id')}
     LEFT JOIN deals old ON old.external_id = s.external_id`,
    `CREATE TEMP TABLE ingest_deals_written ON COMMIT DROP AS
     WITH ${upsertSql('up', {
      table: 'deals',
      key: ['external_id'],
      columns: ['name', 'account_id', 'amount_minor', 'currency', 'status', 'stage', 'owner', 'created_at', 'closed_at'],
      select: `SELECT r.external_id, r.name, r.account_id, r.amount_minor, r.currency, r.status, r.stage, r.owner,
                      r.created_at, r.closed_at, r.deleted_at
               FROM ingest_deals_resolved r`,
      returning: ['id', 'external_id', 'account_id', 'status', 'stage', 'amount_minor', 'currency'],
    })}
     SELECT * FROM up`,
    `INSERT INTO deal_changes (deal_id, account_id, changed_at, status, stage, amount_minor, currency)
     SELECT w.id, w.account_id,
            coalesce(r.changed_at,
                     CASE WHEN r.old_id IS NULL THEN coalesce(r.closed_at, r.created_at)
                          WHEN w.status <> 'OPEN' AND r.old_status = 'OPEN' THEN r.closed_at
                          ELSE now() END),
            w.status, w.stage, w.amount_minor, w.currency
     FROM ingest_deals_written w JOIN ingest_deals_resolved r USING (external_id)
     WHERE (r.old_status, r.old_stage, r.old_amount_minor, r.old_currency)
           IS DISTINCT FROM (w.status, w.stage, w.amount_minor, w.currency)`,
    `WITH deal AS (
       SELECT r.external_id, coalesce(w.id, r.old_id) AS id, coalesce(w.account_id, r.account_id) AS account_id, r.contacts
       FROM ingest_deals_resolved r LEFT JOIN ingest_deals_written w USING (external_id)
       WHERE r.contacts IS NOT NULL
     ),
     wanted AS (
       SELECT deal.id AS deal_id, l.id AS lead_id, deal.account_id,
              coalesce((c.contact->>'primary')::boolean, false) OR jsonb_array_length(deal.contacts) = 1 AS is_primary
       FROM deal CROSS JOIN LATERAL jsonb_array_elements(deal.contacts) AS c(contact)
       ${survivorJoin('leads', 'l', "c.contact->>'leadExternalId'")}
       WHERE l.id IS NOT NULL
     ),
     removed AS (
       UPDATE deal_contacts dc SET deleted_at = now()
       FROM deal
       WHERE dc.deal_id = deal.id AND dc.deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.deal_id = dc.deal_id AND w.lead_id = dc.lead_id)
       RETURNING dc.deal_id, dc.lead_id
     ),
     added AS (
       INSERT INTO deal_contacts AS dc (deal_id, lead_id, account_id, is_primary)
       SELECT deal_id, lead_id, account_id, is_primary FROM wanted
       ON CONFLICT (deal_id, lead_id) DO UPDATE
         SET is_primary = excluded.is_primary, account_id = excluded.account_id, deleted_at = NULL
       WHERE (dc.is_primary, dc.account_id, dc.deleted_at IS NULL)
         IS DISTINCT FROM (excluded.is_primary, excluded.account_id, true)
       RETURNING dc.deal_id, dc.lead_id
     ),
     touched AS (SELECT deal_id FROM removed UNION SELECT deal_id FROM added),
     stale AS (${staleDealsSql('SELECT deal_id FROM touched UNION SELECT id FROM ingest_deals_written')}),
     -- A lead that joins or leaves a deal's contacts starts or ends a journey of its own.
     stale_leads AS (${staleLeadsSql('SELECT lead_id FROM removed UNION SELECT lead_id FROM added')}),
     -- A deal's creation, close and status are its contacts' stages (the contacts as they were, and as they are).
     stale_stages AS (${staleLeadStagesSql(`SELECT lead_id FROM removed UNION SELECT lead_id FROM added
       UNION SELECT dc.lead_id FROM deal_contacts dc WHERE dc.deal_id IN (SELECT id FROM ingest_deals_written)`)})
     SELECT count(*) FILTER (WHERE w.inserted)::int AS created,
            count(*) FILTER (WHERE (w.id IS NOT NULL AND NOT w.inserted)
                                OR (w.id IS NULL AND deal.id IN (SELECT deal_id FROM touched)))::int AS updated
     FROM ingest_deals_resolved r
     LEFT JOIN ingest_deals_written w USING (external_id)
     LEFT JOIN deal USING (external_id)`,
  ],
};
