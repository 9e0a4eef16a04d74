import { duplicateKey, reference, required, survivorJoin, timestamp } from '../checks';
import { IngestKind, stagingTable } from '../ingest-kind';
import { staleDealsSql, staleLeadStagesSql, staleLeadsSql } from '../upsert-sql';
import { UserErrorCode } from '../user-error';

type Table = 'leads' | 'accounts';

const FIELDS = ['survivorExternalId', 'mergedExternalId', 'mergedAt'];
const joins = (table: Table) => `${survivorJoin(table, 'sv', 's.survivor_external_id')}
  LEFT JOIN ${table} mg ON mg.external_id = s.merged_external_id`;

/** How many merges of one batch may follow each other (A into B, B into C, ...): plenty for any CRM export. */
export const MAX_CHAIN_IN_BATCH = 10;

// Each item's merged record and its survivor, followed through the batch's other items: with
// A into B and B into C in one batch, A ends in C whatever the order. The walk is bounded, so a
// hostile batch costs at most MAX_CHAIN_IN_BATCH steps per item: a chain that comes back to an
// item it passed is a cycle, one still inside the batch at the bound is too long.
function chainsSql(table: Table, stage: string): string {
  return `WITH RECURSIVE item AS (
      SELECT DISTINCT ON (mg.id) s.row_no, mg.id AS merged_id, sv.id AS target_id, ingest_timestamptz(s.merged_at) AS merged_at
      FROM ${stage} s ${joins(table)}
      WHERE mg.id IS NOT NULL AND sv.id IS NOT NULL AND sv.id <> mg.id
      ORDER BY mg.id, s.row_no
    ),
    chain AS (
      SELECT row_no, merged_id, target_id, merged_at, 1 AS depth, ARRAY[merged_id] AS path, false AS cyclic FROM item
      UNION ALL
      SELECT c.row_no, c.merged_id, i.target_id, c.merged_at, c.depth + 1, c.path || i.merged_id, i.merged_id = ANY(c.path)
      FROM chain c JOIN item i ON i.merged_id = c.target_id
      WHERE NOT c.cyclic AND c.depth < ${MAX_CHAIN_IN_BATCH}
    )
    SELECT DISTINCT ON (merged_id) row_no, merged_id, target_id AS survivor_id, merged_at, cyclic,
           NOT cyclic AND target_id IN (SELECT merged_id FROM item) AS too_long
    FROM chain ORDER BY merged_id, depth DESC`;
}

function mergeChecks(table: Table, what: string, stage: string) {
  return {
    joins: joins(table),
    checks: [
      required('survivorExternalId'),
      reference('survivorExternalId', 'sv', what),
      required('mergedExternalId'),
      reference('mergedExternalId', 'mg', what),
      required('mergedAt'),
      ...timestamp('mergedAt'),
      {
        field: 'mergedExternalId',
        code: UserErrorCode.MERGE_CYCLE,
        when: 'sv.id = mg.id',
        message: `format('mergedExternalId %s is survivorExternalId %s or its survivor: a merge into itself leaves no survivor',
                         quote_literal(left(s.merged_external_id, 80)), quote_literal(left(s.survivor_external_id, 80)))`,
      },
      {
        field: 'mergedExternalId',
        code: UserErrorCode.CONFLICT,
        when: 'mg.merged_into_id IS NOT NULL AND mg.merged_into_id <> sv.id',
        message: `format('mergedExternalId %s was already merged into %s', quote_literal(left(s.merged_external_id, 80)),
                         quote_literal((SELECT external_id FROM ${table} WHERE id = mg.merged_into_id)))`,
      },
      {
        field: 'survivorExternalId',
        code: UserErrorCode.INVALID_VALUE,
        when: 'sv.deleted_at IS NOT NULL AND sv.merged_into_id IS NULL',
        message: `format('survivorExternalId %s is deleted: restore it before merging into it', quote_literal(left(s.survivor_external_id, 80)))`,
      },
    ],
    extraChecks: [
      duplicateKey(stage, ['mergedExternalId'], `a merged ${what}`),
      `SELECT row_no, 'survivorExternalId', CASE WHEN cyclic THEN '${UserErrorCode.MERGE_CYCLE}' ELSE '${UserErrorCode.INVALID_VALUE}' END,
              CASE WHEN cyclic THEN 'the merges of this batch form a cycle through this item: it would leave no survivor'
                   ELSE 'this item starts a chain of more than ${MAX_CHAIN_IN_BATCH} merges in a row inside one batch: send the rest in a later batch' END
       FROM (${chainsSql(table, stage)}) chains WHERE cyclic OR too_long`,
    ],
  };
}

// The merges that change something (a replayed merge does not), as ingest_merges(merged_id, survivor_id, merged_at),
// and the survivor of every record merged before into a record merged now.
function resolvedSql(table: Table, stage: string): string[] {
  return [
    `CREATE TEMP TABLE ingest_merges ON COMMIT DROP AS
     SELECT c.merged_id, c.survivor_id, c.merged_at FROM (${chainsSql(table, stage)}) c
     JOIN ${table} mg ON mg.id = c.merged_id WHERE mg.merged_into_id IS DISTINCT FROM c.survivor_id`,
    `UPDATE ${table} t SET merged_into_id = m.survivor_id, updated_at = now()
     FROM ingest_merges m WHERE t.merged_into_id = m.merged_id`,
    `UPDATE ${table} t SET merged_into_id = m.survivor_id, merged_at = m.merged_at,
            deleted_at = coalesce(t.deleted_at, m.merged_at), updated_at = now()
     FROM ingest_merges m WHERE t.id = m.merged_id`,
  ];
}

const COUNTS = 'SELECT count(*)::int AS created, 0 AS updated FROM ingest_merges';

const leadStage = stagingTable({ name: 'lead_merges' } as IngestKind);

/**
 * mergeLeads: the merged lead's touches, visitors, deal-contact roles and stage history move to
 * the survivor; the merged lead stays, soft-deleted, pointing to its survivor. Where several were
 * contacts of one deal, the survivor keeps one role, primary if any was.
 */
export const leadMerges: IngestKind = {
  name: 'lead_merges',
  listField: 'merges',
  fields: FIELDS,
  ...mergeChecks('leads', 'lead', leadStage),
  merge: [
    ...resolvedSql('leads', leadStage),
    `UPDATE touches t SET lead_id = m.survivor_id, account_id = l.account_id, updated_at = now()
     FROM ingest_merges m JOIN leads l ON l.id = m.survivor_id WHERE t.lead_id = m.merged_id`,
    `WITH moved AS (
       UPDATE visitor_links v SET lead_id = m.survivor_id, updated_at = now()
       FROM ingest_merges m WHERE v.lead_id = m.merged_id
       RETURNING v.visitor_id, v.lead_id, m.merged_id, m.merged_at
     )
     INSERT INTO visitor_link_changes (visitor_id, lead_id, previous_lead_id, identified_at)
     SELECT visitor_id, lead_id, merged_id, merged_at FROM moved ORDER BY visitor_id`,
    // Deal roles of the merged leads and their survivors, combined per deal and lead: live if any
    // was, primary if a live one was.
    `CREATE TEMP TABLE ingest_merged_roles ON COMMIT DROP AS
     WITH role AS (
       DELETE FROM deal_contacts d
       WHERE d.lead_id IN (SELECT merged_id FROM ingest_merges UNION SELECT survivor_id FROM ingest_merges)
       RETURNING d.*
     )
     SELECT r.deal_id, coalesce(m.survivor_id, r.lead_id) AS lead_id, min(r.account_id) AS account_id,
            bool_or(r.is_primary AND r.deleted_at IS NULL) AS is_primary, min(r.recorded_at) AS recorded_at,
            CASE WHEN bool_or(r.deleted_at IS NULL) THEN NULL ELSE max(r.deleted_at) END AS deleted_at
     FROM role r LEFT JOIN ingest_merges m ON m.merged_id = r.lead_id
     GROUP BY 1, 2`,
    `INSERT INTO deal_contacts (deal_id, lead_id, account_id, is_primary, recorded_at, deleted_at)
     SELECT * FROM ingest_merged_roles ORDER BY deal_id, lead_id`,
    `UPDATE lead_stage_changes c SET lead_id = m.survivor_id, account_id = l.account_id
     FROM ingest_merges m JOIN leads l ON l.id = m.survivor_id WHERE c.lead_id = m.merged_id`,
    `WITH changed AS (SELECT merged_id AS lead_id FROM ingest_merges UNION SELECT survivor_id FROM ingest_merges),
     stale AS (${staleLeadsSql('SELECT lead_id FROM changed')}),
     unscored AS (INSERT INTO lead_score_stale_leads (lead_id) SELECT lead_id FROM changed ON CONFLICT DO NOTHING),
     unstaged AS (${staleLeadStagesSql('SELECT lead_id FROM changed')})
     ${COUNTS}`,
  ],
};

const accountStage = stagingTable({ name: 'account_merges' } as IngestKind);

/**
 * mergeAccounts: the merged account's leads, deals and touches (and their history rows) move to
 * the survivor; the merged account stays, soft-deleted, pointing to its survivor.
 */
export const accountMerges: IngestKind = {
  name: 'account_merges',
  listField: 'merges',
  fields: FIELDS,
  ...mergeChecks('accounts', 'account', accountStage),
  merge: [
    ...resolvedSql('accounts', accountStage),
    ...['touches', 'deal_contacts', 'lead_stage_changes', 'deal_changes'].map((table) =>
      `UPDATE ${table} t SET account_id = m.survivor_id FROM ingest_merges m WHERE t.account_id = m.merged_id`),
    // Moved leads score on their new account's fit; moved deals are grouped under it.
    `WITH moved_leads AS (
       UPDATE leads t SET account_id = m.survivor_id, updated_at = now()
       FROM ingest_merges m WHERE t.account_id = m.merged_id RETURNING t.id
     ),
     moved_deals AS (
       UPDATE deals t SET account_id = m.survivor_id, updated_at = now()
       FROM ingest_merges m WHERE t.account_id = m.merged_id RETURNING t.id
     ),
     stale_leads AS (${staleLeadsSql('SELECT id FROM moved_leads')}),
     stale_deals AS (${staleDealsSql('SELECT id FROM moved_deals')}),
     unscored AS (INSERT INTO lead_score_stale_leads (lead_id) SELECT id FROM moved_leads ON CONFLICT DO NOTHING),
     unstaged AS (${staleLeadStagesSql('SELECT id FROM moved_leads')})
     ${COUNTS}`,
  ],
};
