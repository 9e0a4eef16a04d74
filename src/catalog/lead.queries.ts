import { LifecycleStage } from '../database/enums';
import { Connection, toConnection } from '../pagination/connection';
import { ChildListSource, countRows, fetchPage, ListSource } from '../pagination/keyset';
import { PageRequest, SortKey } from '../pagination/page-request';
import { Queryable } from '../database/sql';
import { Conditions, findByExternalId, identity, RecordedRow, recordedColumns, TimeRange } from './rows';

export interface LeadRow extends RecordedRow {
  id: string;
  externalId: string;
  accountId: string | null;
  email: string | null;
  name: string | null;
  createdAt: Date;
  lifecycleStage: LifecycleStage;
  stageChangedAt: Date;
  mergedIntoId: string | null;
  mergedAt: Date | null;
}

export const leadColumns = `t.id, t.external_id AS "externalId", t.account_id AS "accountId", t.email, t.name,
  t.created_at AS "createdAt", t.lifecycle_stage AS "lifecycleStage", t.stage_changed_at AS "stageChangedAt",
  t.merged_into_id AS "mergedIntoId", t.merged_at AS "mergedAt", ${recordedColumns}`;

export const leadSource: ListSource<LeadRow, LeadRow> = { from: 'leads t', columns: leadColumns, toRow: identity };

export const leadsOfAccount: ChildListSource<LeadRow, LeadRow> = {
  ...leadSource,
  belongsTo: (accountId) => `t.account_id = ${accountId}`,
};

/** Leads with at least one live touch of the campaign. */
export const leadsReachedByCampaign: ChildListSource<LeadRow, LeadRow> = {
  ...leadSource,
  belongsTo: (campaignId) =>
    `EXISTS (SELECT 1 FROM touches r WHERE r.lead_id = t.id AND r.campaign_id = ${campaignId} AND r.deleted_at IS NULL)`,
};

export enum LeadOrderField {
  CREATED_AT = 'CREATED_AT',
  STAGE_CHANGED_AT = 'STAGE_CHANGED_AT',
  NAME = 'NAME',
  EMAIL = 'EMAIL',
}

// Names and emails are optional: missing ones sort as empty text (first in ascending order).
export const leadSortKeys: Record<LeadOrderField, SortKey> = {
  CREATED_AT: { name: 'CREATED_AT', sql: 't.created_at', type: 'timestamptz' },
  STAGE_CHANGED_AT: { name: 'STAGE_CHANGED_AT', sql: 't.stage_changed_at', type: 'timestamptz' },
  NAME: { name: 'NAME', sql: "coalesce(t.name, '')", type: 'text' },
  EMAIL: { name: 'EMAIL', sql: "coalesce(lower(t.email), '')", type: 'text' },
};

export interface LeadFilter {
  accountId?: string;
  lifecycleStage?: LifecycleStage[];
  createdAt?: TimeRange;
  emailStartsWith?: string;
  nameStartsWith?: string;
  includeDeleted?: boolean;
}

export function leadConditions(filter: LeadFilter): Conditions {
  return new Conditions()
    .includeDeleted(filter.includeDeleted)
    .equals('t.account_id', filter.accountId)
    .oneOf('t.lifecycle_stage', filter.lifecycleStage, 'lifecycle_stage')
    .within('t.created_at', filter.createdAt)
    .startsWith('t.email', filter.emailStartsWith)
    .startsWith('t.name', filter.nameStartsWith);
}

export async function listLeads(db: Queryable, filter: LeadFilter, page: PageRequest): Promise<Connection<LeadRow>> {
  const found = await fetchPage(db, leadSource, leadConditions(filter), page);
  return toConnection(found, () => countRows(db, leadSource, leadConditions(filter)));
}

export interface LeadStageChangeRow {
  id: string;
  fromStage: LifecycleStage | null;
  toStage: LifecycleStage;
  changedAt: Date;
  recordedAt: Date;
}

export const stageHistoryOfLead: ChildListSource<LeadStageChangeRow, LeadStageChangeRow> = {
  from: 'lead_stage_changes t',
  columns: `t.id, t.from_stage AS "fromStage", t.to_stage AS "toStage", t.changed_at AS "changedAt", t.recorded_at AS "recordedAt"`,
  toRow: identity,
  belongsTo: (leadId) => `t.lead_id = ${leadId}`,
};

export const stageChangeSortKey: SortKey = { name: 'CHANGED_AT', sql: 't.changed_at', type: 'timestamptz' };

export function leadByExternalId(db: Queryable, externalId: string): Promise<LeadRow | null> {
  return findByExternalId(db, leadSource, externalId);
}

/** The visitors (browser or device ids) linked to each lead, in id order. */
export async function visitorsOfLeads(db: Queryable, leadIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await db.query<Array<{ leadId: string; visitors: string[] }>>(`
    SELECT lead_id::text AS "leadId", array_agg(visitor_id ORDER BY visitor_id) AS visitors
    FROM visitor_links WHERE lead_id = ANY($1::bigint[]) GROUP BY lead_id`, [leadIds]);
  return new Map(rows.map((row) => [row.leadId, row.visitors]));
}
