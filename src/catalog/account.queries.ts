import { Connection, toConnection } from '../pagination/connection';
import { countRows, fetchPage, ListSource } from '../pagination/keyset';
import { PageRequest, SortKey } from '../pagination/page-request';
import { Queryable } from '../database/sql';
import { Conditions, findByExternalId, identity, RecordedRow, recordedColumns } from './rows';

export interface AccountRow extends RecordedRow {
  id: string;
  externalId: string;
  name: string;
  domain: string | null;
  segment: string | null;
  industry: string | null;
  size: string | null;
  mergedIntoId: string | null;
  mergedAt: Date | null;
}

export const accountSource: ListSource<AccountRow, AccountRow> = {
  from: 'accounts t',
  columns: `t.id, t.external_id AS "externalId", t.name, t.domain, t.segment, t.industry, t.size,
    t.merged_into_id AS "mergedIntoId", t.merged_at AS "mergedAt", ${recordedColumns}`,
  toRow: identity,
};

export enum AccountOrderField {
  NAME = 'NAME',
  RECORDED_AT = 'RECORDED_AT',
}

export const accountSortKeys: Record<AccountOrderField, SortKey> = {
  NAME: { name: 'NAME', sql: 't.name', type: 'text' },
  RECORDED_AT: { name: 'RECORDED_AT', sql: 't.recorded_at', type: 'timestamptz' },
};

export interface AccountFilter {
  nameStartsWith?: string;
  domain?: string;
  segment?: string[];
  industry?: string[];
  includeDeleted?: boolean;
}

function accountConditions(filter: AccountFilter): Conditions {
  return new Conditions()
    .includeDeleted(filter.includeDeleted)
    .startsWith('t.name', filter.nameStartsWith)
    // Domains are stored in lower case.
    .equals('t.domain', filter.domain?.toLowerCase())
    .oneOf('t.segment', filter.segment)
    .oneOf('t.industry', filter.industry);
}

export async function listAccounts(db: Queryable, filter: AccountFilter, page: PageRequest): Promise<Connection<AccountRow>> {
  const found = await fetchPage(db, accountSource, accountConditions(filter), page);
  return toConnection(found, () => countRows(db, accountSource, accountConditions(filter)));
}

export function accountByExternalId(db: Queryable, externalId: string): Promise<AccountRow | null> {
  return findByExternalId(db, accountSource, externalId);
}
