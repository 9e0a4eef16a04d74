import { accounts } from './accounts.ingest';
import { campaignCosts } from './campaign-costs.ingest';
import { campaigns } from './campaigns.ingest';
import { deals } from './deals.ingest';
import { fxRates } from './fx-rates.ingest';
import { leads } from './leads.ingest';
import { touches } from './touches.ingest';

export { accounts, campaignCosts, campaigns, deals, fxRates, leads, touches };

/** By CSV kind name, in dependency order (a kind may refer to the ones before it). */
export const ingestKinds = {
  fx: fxRates,
  campaigns,
  costs: campaignCosts,
  accounts,
  leads,
  touches,
  deals,
} as const;

export type CsvKind = keyof typeof ingestKinds;
