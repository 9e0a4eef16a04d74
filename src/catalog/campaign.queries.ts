import { Connection, toConnection } from '../pagination/connection';
import { ChildListSource, countRows, fetchPage, ListSource } from '../pagination/keyset';
import { PageRequest, SortKey } from '../pagination/page-request';
import { Queryable } from '../database/sql';
import { Money, money } from './money';
import { Conditions, findByExternalId, identity, RecordedRow, recordedColumns } from './rows';

export interface CampaignRow extends RecordedRow {
  id: string;
  externalId: string;
  name: string;
  channel: string;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  startsOn: string | null;
  endsOn: string | null;
}

export const campaignSource: ListSource<CampaignRow, CampaignRow> = {
  from: 'campaigns t',
  columns: `t.id, t.external_id AS "externalId", t.name, t.channel, t.utm_source AS "utmSource",
    t.utm_medium AS "utmMedium", t.utm_campaign AS "utmCampaign", t.starts_on::text AS "startsOn",
    t.ends_on::text AS "endsOn", ${recordedColumns}`,
  toRow: identity,
};

export enum CampaignOrderField {
  NAME = 'NAME',
  STARTS_ON = 'STARTS_ON',
  RECORDED_AT = 'RECORDED_AT',
}

export const campaignSortKeys: Record<CampaignOrderField, SortKey> = {
  NAME: { name: 'NAME', sql: 't.name', type: 'text' },
  // Campaigns without a start date sort as if they started last.
  STARTS_ON: { name: 'STARTS_ON', sql: "coalesce(t.starts_on, 'infinity'::date)", type: 'date' },
  RECORDED_AT: { name: 'RECORDED_AT', sql: 't.recorded_at', type: 'timestamptz' },
};

export interface CampaignFilter {
  channel?: string[];
  nameStartsWith?: string;
  includeDeleted?: boolean;
}

function campaignConditions(filter: CampaignFilter): Conditions {
  return new Conditions()
    .includeDeleted(filter.includeDeleted)
    .oneOf('t.channel', filter.channel)
    .startsWith('t.name', filter.nameStartsWith);
}

export async function listCampaigns(db: Queryable, filter: CampaignFilter, page: PageRequest): Promise<Connection<CampaignRow>> {
  const found = await fetchPage(db, campaignSource, campaignConditions(filter), page);
  return toConnection(found, () => countRows(db, campaignSource, campaignConditions(filter)));
}

/** A half-open period of days [from, to), as YYYY-MM-DD; either end may be open. */
export interface DatePeriod {
  from?: string;
  to?: string;
}

export interface CampaignCostRow extends RecordedRow {
  id: string;
  date: string;
  amount: Money;
}

interface CampaignCostRaw extends RecordedRow {
  id: string;
  date: string;
  amountMinor: string;
  currency: string;
  minorUnits: number;
}

export const costsOfCampaign: ChildListSource<CampaignCostRaw, CampaignCostRow> = {
  from: 'campaign_costs t JOIN currencies cur ON cur.code = t.currency',
  columns: `t.id, t.cost_date::text AS date, t.amount_minor AS "amountMinor", t.currency,
    cur.minor_units AS "minorUnits", ${recordedColumns}`,
  toRow: ({ amountMinor, currency, minorUnits, ...cost }) => ({ ...cost, amount: money(amountMinor, currency, minorUnits) }),
  belongsTo: (campaignId) => `t.campaign_id = ${campaignId}`,
};

export const costSortKey: SortKey = { name: 'DATE', sql: 't.cost_date', type: 'date' };

export function costConditions(period: DatePeriod): Conditions {
  return new Conditions().includeDeleted(false).within('t.cost_date', period);
}

/** Total spend of each campaign in the period, one Money per currency (no conversion), in one statement. */
export async function spendOfCampaigns(db: Queryable, campaignIds: readonly string[], period: DatePeriod): Promise<Map<string, Money[]>> {
  const conditions = costConditions(period);
  const ids = conditions.params.add(campaignIds);
  const rows = await db.query<Array<{ campaignId: string; currency: string; amountMinor: string; minorUnits: number }>>(
    `SELECT t.campaign_id AS "campaignId", t.currency, sum(t.amount_minor)::text AS "amountMinor", cur.minor_units AS "minorUnits"
     FROM campaign_costs t JOIN currencies cur ON cur.code = t.currency
     WHERE t.campaign_id = ANY(${ids}::bigint[]) AND ${conditions.where.join(' AND ')}
     GROUP BY t.campaign_id, t.currency, cur.minor_units
     ORDER BY t.currency`,
    conditions.params.values,
  );
  const spend = new Map<string, Money[]>(campaignIds.map((id) => [id, []]));
  for (const row of rows) spend.get(row.campaignId)?.push(money(row.amountMinor, row.currency, row.minorUnits));
  return spend;
}

export function campaignByExternalId(db: Queryable, externalId: string): Promise<CampaignRow | null> {
  return findByExternalId(db, campaignSource, externalId);
}
