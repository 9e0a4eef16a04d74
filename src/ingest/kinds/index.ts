import { accounts } from './accounts.ingest';
import { campaignCosts } from './campaign-costs.ingest';
import { campaigns } from './campaigns.ingest';
import { deals } from './deals.ingest';
import { fxRates } from './fx-rates.ingest';
import { leads } from './leads.ingest';
import { accountMerges, leadMerges } from './merges.ingest';
import { touches } from './touches.ingest';
import { visitorLinks } from './visitor-links.ingest';

export { accountMerges, accounts, campaignCosts, campaigns, deals, fxRates, leadMerges, leads, touches, visitorLinks };

/** By CSV kind name, in dependency order (a kind may refer to the ones before it). */
export const ingestKinds = {
  fx: fxRates,
  campaigns,
  costs: campaignCosts,
  accounts,
  leads,
  touches,
  links: visitorLinks,
  deals,
} as const;

export type CsvKind = keyof typeof ingestKinds;
