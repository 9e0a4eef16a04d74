import { Queryable } from '../database/sql';
import { createLoaders, Loaders } from '../loaders';
import { Connection } from '../pagination/connection';
import { PageRequest } from '../pagination/page-request';
import { AccountFilter, AccountRow, accountByExternalId, listAccounts } from './account.queries';
import { CampaignFilter, CampaignRow, campaignByExternalId, listCampaigns } from './campaign.queries';
import { DealFilter, DealRow, dealByExternalId, listDeals } from './deal.queries';
import { LeadFilter, LeadRow, leadByExternalId, listLeads } from './lead.queries';
import { TouchFilter, TouchRow, listTouches, touchByExternalId } from './touch.queries';

/** How much data the service holds, soft-deleted records excluded. */
export interface DatasetCounts {
  campaigns: number;
  accounts: number;
  leads: number;
  touches: number;
  deals: number;
  wonDeals: number;
  anonymousTouches: number;
  identifiedVisitors: number;
}

/**
 * The records of the read API: lists, lookups by externalId, and a fresh set of DataLoaders per
 * request for the relations between them. The SQL of each kind lives in its `*.queries.ts`.
 */
export class CatalogService {
  constructor(private readonly db: Queryable) {}

  /** DataLoaders for one request: never shared between requests (they cache what one caller saw). */
  loaders(): Loaders {
    return createLoaders(this.db);
  }

  accounts(filter: AccountFilter, page: PageRequest): Promise<Connection<AccountRow>> {
    return listAccounts(this.db, filter, page);
  }

  accountByExternalId(externalId: string): Promise<AccountRow | null> {
    return accountByExternalId(this.db, externalId);
  }

  campaigns(filter: CampaignFilter, page: PageRequest): Promise<Connection<CampaignRow>> {
    return listCampaigns(this.db, filter, page);
  }

  campaignByExternalId(externalId: string): Promise<CampaignRow | null> {
    return campaignByExternalId(this.db, externalId);
  }

  leads(filter: LeadFilter, page: PageRequest): Promise<Connection<LeadRow>> {
    return listLeads(this.db, filter, page);
  }

  leadByExternalId(externalId: string): Promise<LeadRow | null> {
    return leadByExternalId(this.db, externalId);
  }

  touches(filter: TouchFilter, page: PageRequest): Promise<Connection<TouchRow>> {
    return listTouches(this.db, filter, page);
  }

  touchByExternalId(externalId: string): Promise<TouchRow | null> {
    return touchByExternalId(this.db, externalId);
  }

  deals(filter: DealFilter, page: PageRequest): Promise<Connection<DealRow>> {
    return listDeals(this.db, filter, page);
  }

  dealByExternalId(externalId: string): Promise<DealRow | null> {
    return dealByExternalId(this.db, externalId);
  }

  async datasetCounts(): Promise<DatasetCounts> {
    const [counts] = await this.db.query<DatasetCounts[]>(`
      SELECT (SELECT count(*) FROM campaigns WHERE deleted_at IS NULL)::int AS campaigns,
             (SELECT count(*) FROM accounts WHERE deleted_at IS NULL)::int AS accounts,
             (SELECT count(*) FROM leads WHERE deleted_at IS NULL)::int AS leads,
             (SELECT count(*) FROM touches WHERE deleted_at IS NULL)::int AS touches,
             (SELECT count(*) FROM deals WHERE deleted_at IS NULL)::int AS deals,
             (SELECT count(*) FROM deals WHERE deleted_at IS NULL AND status = 'WON')::int AS "wonDeals",
             (SELECT count(*) FROM touches WHERE deleted_at IS NULL AND lead_id IS NULL)::int AS "anonymousTouches",
             (SELECT count(*) FROM visitor_links)::int AS "identifiedVisitors"`);
    return counts;
  }
}
