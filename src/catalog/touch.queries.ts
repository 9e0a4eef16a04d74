import { TouchType } from '../database/enums';
import { Connection, toConnection } from '../pagination/connection';
import { ChildListSource, countRows, fetchPage, ListSource } from '../pagination/keyset';
import { PageRequest, SortKey } from '../pagination/page-request';
import { Queryable } from '../database/sql';
import { Conditions, findByExternalId, identity, RecordedRow, recordedColumns, TimeRange } from './rows';

export interface TouchRow extends RecordedRow {
  id: string;
  externalId: string;
  leadId: string | null;
  visitorId: string | null;
  accountId: string | null;
  campaignId: string | null;
  channel: string;
  type: TouchType;
  occurredAt: Date;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContent: string | null;
  utmTerm: string | null;
  properties: Record<string, unknown> | null;
}

export const touchSource: ListSource<TouchRow, TouchRow> = {
  from: 'touches t',
  columns: `t.id, t.external_id AS "externalId", t.lead_id AS "leadId", t.account_id AS "accountId",
    t.campaign_id AS "campaignId", t.channel, t.type, t.occurred_at AS "occurredAt", t.utm_source AS "utmSource",
    t.utm_medium AS "utmMedium", t.utm_campaign AS "utmCampaign", t.utm_content AS "utmContent",
    t.utm_term AS "utmTerm", t.properties, t.visitor_id AS "visitorId", ${recordedColumns}`,
  toRow: identity,
};

export const touchesOfLead: ChildListSource<TouchRow, TouchRow> = { ...touchSource, belongsTo: (leadId) => `t.lead_id = ${leadId}` };

/** The touches of an account's live leads: its whole buying committee, whichever deal they served. */
export const touchesOfAccountLeads: ChildListSource<TouchRow, TouchRow> = {
  ...touchSource,
  belongsTo: (accountId) => `t.lead_id IN (SELECT l.id FROM leads l WHERE l.account_id = ${accountId} AND l.deleted_at IS NULL)`,
};

export const touchesOfCampaign: ChildListSource<TouchRow, TouchRow> = {
  ...touchSource,
  belongsTo: (campaignId) => `t.campaign_id = ${campaignId}`,
};

export enum TouchOrderField {
  OCCURRED_AT = 'OCCURRED_AT',
}

export const touchSortKeys: Record<TouchOrderField, SortKey> = {
  OCCURRED_AT: { name: 'OCCURRED_AT', sql: 't.occurred_at', type: 'timestamptz' },
};

export interface TouchFilter {
  leadId?: string;
  accountId?: string;
  campaignId?: string;
  channel?: string[];
  type?: TouchType[];
  occurredAt?: TimeRange;
  includeDeleted?: boolean;
}

export function touchConditions(filter: TouchFilter): Conditions {
  return new Conditions()
    .includeDeleted(filter.includeDeleted)
    .equals('t.lead_id', filter.leadId)
    .equals('t.account_id', filter.accountId)
    .equals('t.campaign_id', filter.campaignId)
    .oneOf('t.channel', filter.channel)
    .oneOf('t.type', filter.type, 'touch_type')
    .within('t.occurred_at', filter.occurredAt);
}

export async function listTouches(db: Queryable, filter: TouchFilter, page: PageRequest): Promise<Connection<TouchRow>> {
  const found = await fetchPage(db, touchSource, touchConditions(filter), page);
  return toConnection(found, () => countRows(db, touchSource, touchConditions(filter)));
}

export function touchByExternalId(db: Queryable, externalId: string): Promise<TouchRow | null> {
  return findByExternalId(db, touchSource, externalId);
}
