import { DealStatus, LifecycleStage } from '../database/enums';
import { Channel } from './channel-catalog';
import { Region, Segment } from './market-catalog';

// The planned company: accounts with their buying committees and deals. Times are epoch ms.

export interface PlannedAccount {
  externalId: string;
  name: string;
  domain: string;
  segment: Segment;
  industry: string;
  size: string;
  region: Region;
  /** The channel that brought the account's first lead; deals' win rates depend on it. */
  source: Channel;
  owner: string;
  leads: PlannedLead[];
  deals: PlannedDeal[];
}

export interface PlannedLead {
  externalId: string;
  account: PlannedAccount;
  email: string;
  name: string;
  createdAt: number;
  /** The channel of the touch that created the lead. */
  source: Channel;
  /** When the lead became marketing-qualified; sales touches only follow it. */
  mqlAt: number | null;
  stage: LifecycleStage;
  stageChangedAt: number;
  /** Deals this lead is a contact of, in creation order. */
  deals: PlannedDeal[];
  touches: TouchBudget;
}

/** How many touches of each phase a lead gets. */
export interface TouchBudget {
  /** Anonymous visits before the lead was created. */
  discovery: number;
  /** Ordinary nurture after creation. */
  nurture: number;
  /** Per deal of `deals` (same order): research before the deal was created, and sales touches. */
  evaluation: number[];
  sales: number[];
  /** Sales touches of a qualified lead that never got a deal. */
  followUp: number;
}

export interface PlannedDeal {
  externalId: string;
  name: string;
  account: PlannedAccount;
  /** Decimal amount in the deal's currency. */
  amount: string;
  currency: string;
  status: DealStatus;
  stage: string;
  createdAt: number;
  closedAt: number | null;
  /** The primary contact first. */
  contacts: PlannedLead[];
}

export interface DemoWorld {
  accounts: PlannedAccount[];
  leads: PlannedLead[];
  deals: PlannedDeal[];
  touchCount: number;
}
