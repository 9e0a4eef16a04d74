import { duplicateKey, maxLength, reference, required, survivorJoin, timestamp } from '../checks';
import { IngestKind, stagingTable } from '../ingest-kind';
import { staleLeadStagesSql, staleLeadsSql, staleVisitorsSql } from '../upsert-sql';
import { UserErrorCode } from '../user-error';

const name = 'links';
const stage = stagingTable({ name } as IngestKind);

/**
 * A browser or device serves a handful of people at most; an id linked to more distinct leads is a
 * shared kiosk, a bot or a spoofed cookie, and stitching it would pour strangers' touches into
 * each other's journeys.
 */
export const MAX_LEADS_PER_VISITOR = 10;

// Links in force and ones being added: a visitor's leads over time, merged leads counted as their survivor.
const leadsSoFar = `
  SELECT coalesce(x.merged_into_id, x.id) FROM visitor_link_changes c JOIN leads x ON x.id = c.lead_id
  WHERE c.visitor_id = s.visitor_id
  UNION SELECT l.id`;

/**
 * identifyVisitors: joins visitors to leads. A link moves a visitor only when it is newer than the
 * one in force (out-of-order deliveries do not undo a later identification); every applied link
 * is recorded, and the visitor's anonymous touches, earlier or later, join the lead's journey.
 */
export const visitorLinks: IngestKind = {
  name,
  fields: ['visitorId', 'leadExternalId', 'identifiedAt'],
  joins: survivorJoin('leads', 'l', 's.lead_external_id'),
  checks: [
    required('visitorId'),
    maxLength('visitorId', 255),
    required('leadExternalId'),
    reference('leadExternalId', 'l', 'lead'),
    required('identifiedAt'),
    ...timestamp('identifiedAt'),
  ],
  extraChecks: [
    duplicateKey(stage, ['visitorId'], 'a visitor'),
    `SELECT s.row_no, 'visitorId', '${UserErrorCode.TOO_MANY_LEADS}',
            format('visitorId %s would belong to %s distinct leads over time; the limit is ${MAX_LEADS_PER_VISITOR}',
                   quote_literal(left(s.visitor_id, 80)), n.leads)
     FROM ${stage} s ${survivorJoin('leads', 'l', 's.lead_external_id')}
     CROSS JOIN LATERAL (SELECT count(*) AS leads FROM (${leadsSoFar}) x(lead_id) WHERE lead_id IS NOT NULL) n
     WHERE n.leads > ${MAX_LEADS_PER_VISITOR}`,
  ],
  merge: [
    `CREATE TEMP TABLE ingest_links_applied ON COMMIT DROP AS
     WITH item AS (
       SELECT s.visitor_id, l.id AS lead_id, ingest_timestamptz(s.identified_at) AS identified_at,
              cur.lead_id AS old_lead_id, cur.identified_at AS old_identified_at
       FROM ${stage} s ${survivorJoin('leads', 'l', 's.lead_external_id')}
       LEFT JOIN visitor_links cur ON cur.visitor_id = s.visitor_id
     ),
     applied AS (
       INSERT INTO visitor_links AS v (visitor_id, lead_id, identified_at)
       SELECT visitor_id, lead_id, identified_at FROM item
       WHERE old_lead_id IS NULL OR (old_lead_id <> lead_id AND identified_at > old_identified_at)
       ORDER BY visitor_id
       ON CONFLICT (visitor_id) DO UPDATE SET lead_id = excluded.lead_id, identified_at = excluded.identified_at, updated_at = now()
       RETURNING v.visitor_id, v.lead_id, v.identified_at, (v.xmax = 0) AS inserted
     )
     SELECT applied.*, item.old_lead_id FROM applied JOIN item USING (visitor_id)`,
    `INSERT INTO visitor_link_changes (visitor_id, lead_id, previous_lead_id, identified_at)
     SELECT visitor_id, lead_id, old_lead_id, identified_at FROM ingest_links_applied ORDER BY visitor_id`,
    // Touches that name a lead themselves keep it; the visitor's other touches follow the link.
    `WITH moved AS (
       UPDATE touches t SET lead_id = a.lead_id, account_id = l.account_id, lead_via_visitor = true, updated_at = now()
       FROM ingest_links_applied a JOIN leads l ON l.id = a.lead_id
       WHERE t.visitor_id = a.visitor_id AND (t.lead_id IS NULL OR t.lead_via_visitor)
       RETURNING t.id
     ),
     changed_lead AS (SELECT lead_id FROM ingest_links_applied
                      UNION SELECT old_lead_id FROM ingest_links_applied WHERE old_lead_id IS NOT NULL),
     stale_leads AS (${staleLeadsSql('SELECT lead_id FROM changed_lead')}),
     unscored AS (INSERT INTO lead_score_stale_leads (lead_id) SELECT lead_id FROM changed_lead ON CONFLICT DO NOTHING),
     unstaged AS (${staleLeadStagesSql('SELECT lead_id FROM changed_lead')}),
     stale_visitors AS (${staleVisitorsSql('SELECT visitor_id FROM ingest_links_applied')})
     SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated
     FROM ingest_links_applied`,
  ],
};
