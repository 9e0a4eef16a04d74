import { DealStatus } from '../database/enums';
import { Connection, toConnection } from '../pagination/connection';
import { ChildListSource, countRows, fetchPage, ListSource } from '../pagination/keyset';
import { PageRequest, SortKey } from '../pagination/page-request';
import { Queryable } from '../database/sql';
import { LeadRow, leadColumns } from './lead.queries';
import { Money, money } from './money';
import { Conditions, findByExternalId, RecordedRow, recordedColumns, TimeRange } from './rows';

export interface DealRow extends RecordedRow {
  id: string;
  externalId: string;
  name: string;
  accountId: string | null;
  amount: Money;
  status: DealStatus;
  stage: string | null;
  owner: string | null;
  createdAt: Date;
  closedAt: Date | null;
}

interface DealRaw extends Omit<DealRow, 'amount'> {
  amountMinor: string;
  currency: string;
  minorUnits: number;
}

export const dealSource: ListSource<DealRaw, DealRow> = {
  from: 'deals t JOIN currencies cur ON cur.code = t.currency',
  columns: `t.id, t.external_id AS "externalId", t.name, t.account_id AS "accountId", t.amount_minor AS "amountMinor",
    t.currency, cur.minor_units AS "minorUnits", t.status, t.stage, t.owner, t.created_at AS "createdAt",
    t.closed_at AS "closedAt", ${recordedColumns}`,
  toRow: ({ amountMinor, currency, minorUnits, ...deal }) => ({ ...deal, amount: money(amountMinor, currency, minorUnits) }),
};

export const dealsOfAccount: ChildListSource<DealRaw, DealRow> = {
  ...dealSource,
  belongsTo: (accountId) => `t.account_id = ${accountId}`,
};

/** Deals the lead is a (live) contact of. */
export const dealsOfLead: ChildListSource<DealRaw, DealRow> = {
  ...dealSource,
  belongsTo: (leadId) =>
    `EXISTS (SELECT 1 FROM deal_contacts dc WHERE dc.deal_id = t.id AND dc.lead_id = ${leadId} AND dc.deleted_at IS NULL)`,
};

export enum DealOrderField {
  CREATED_AT = 'CREATED_AT',
  CLOSED_AT = 'CLOSED_AT',
  AMOUNT = 'AMOUNT',
  NAME = 'NAME',
}

export const dealSortKeys: Record<DealOrderField, SortKey> = {
  CREATED_AT: { name: 'CREATED_AT', sql: 't.created_at', type: 'timestamptz' },
  // Open deals have no close time: they sort as if they closed last.
  CLOSED_AT: { name: 'CLOSED_AT', sql: "coalesce(t.closed_at, 'infinity'::timestamptz)", type: 'timestamptz' },
  // The decimal amount in the deal's own currency (exact numeric; no conversion between currencies).
  AMOUNT: { name: 'AMOUNT', sql: 't.amount_minor / power(10::numeric, cur.minor_units)', type: 'numeric' },
  NAME: { name: 'NAME', sql: 't.name', type: 'text' },
};

export interface DealFilter {
  accountId?: string;
  status?: DealStatus[];
  stage?: string[];
  currency?: string;
  createdAt?: TimeRange;
  closedAt?: TimeRange;
  nameStartsWith?: string;
  includeDeleted?: boolean;
}

export function dealConditions(filter: DealFilter): Conditions {
  return new Conditions()
    .includeDeleted(filter.includeDeleted)
    .equals('t.account_id', filter.accountId)
    .oneOf('t.status', filter.status, 'deal_status')
    .oneOf('t.stage', filter.stage)
    .equals('t.currency', filter.currency)
    .within('t.created_at', filter.createdAt)
    .within('t.closed_at', filter.closedAt)
    .startsWith('t.name', filter.nameStartsWith);
}

export async function listDeals(db: Queryable, filter: DealFilter, page: PageRequest): Promise<Connection<DealRow>> {
  const found = await fetchPage(db, dealSource, dealConditions(filter), page);
  return toConnection(found, () => countRows(db, dealSource, dealConditions(filter)));
}

export interface DealContactRow {
  dealId: string;
  isPrimary: boolean;
  addedAt: Date;
  lead: LeadRow;
}

/**
 * The live contacts of many deals with their leads, in one statement: primary first, then by lead
 * id. Contacts whose lead is soft-deleted are left out, like the lead itself.
 */
export async function contactsOfDeals(db: Queryable, dealIds: readonly string[]): Promise<Map<string, DealContactRow[]>> {
  const rows = await db.query<Array<LeadRow & { dealId: string; isPrimary: boolean; addedAt: Date }>>(
    `SELECT dc.deal_id AS "dealId", dc.is_primary AS "isPrimary", dc.recorded_at AS "addedAt", ${leadColumns}
     FROM deal_contacts dc JOIN leads t ON t.id = dc.lead_id
     WHERE dc.deal_id = ANY($1::bigint[]) AND dc.deleted_at IS NULL AND t.deleted_at IS NULL
     ORDER BY dc.deal_id, dc.is_primary DESC, t.id`,
    [dealIds],
  );
  const contacts = new Map<string, DealContactRow[]>(dealIds.map((id) => [id, []]));
  for (const { dealId, isPrimary, addedAt, ...lead } of rows) contacts.get(dealId)?.push({ dealId, isPrimary, addedAt, lead });
  return contacts;
}

export interface DealChangeRow {
  id: string;
  changedAt: Date;
  status: DealStatus;
  stage: string | null;
  amount: Money;
  recordedAt: Date;
}

interface DealChangeRaw extends Omit<DealChangeRow, 'amount'> {
  amountMinor: string;
  currency: string;
  minorUnits: number;
}

export const historyOfDeal: ChildListSource<DealChangeRaw, DealChangeRow> = {
  from: 'deal_changes t JOIN currencies cur ON cur.code = t.currency',
  columns: `t.id, t.changed_at AS "changedAt", t.status, t.stage, t.amount_minor AS "amountMinor", t.currency,
    cur.minor_units AS "minorUnits", t.recorded_at AS "recordedAt"`,
  toRow: ({ amountMinor, currency, minorUnits, ...change }) => ({ ...change, amount: money(amountMinor, currency, minorUnits) }),
  belongsTo: (dealId) => `t.deal_id = ${dealId}`,
};

export const dealChangeSortKey: SortKey = { name: 'CHANGED_AT', sql: 't.changed_at', type: 'timestamptz' };

export function dealByExternalId(db: Queryable, externalId: string): Promise<DealRow | null> {
  return findByExternalId(db, dealSource, externalId);
}
