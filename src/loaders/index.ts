import DataLoader from 'dataloader';
import { AccountRow, accountSource } from '../catalog/account.queries';
import { campaignSource, CampaignCostRow, CampaignRow, costConditions, costsOfCampaign, DatePeriod } from '../catalog/campaign.queries';
import {
  dealConditions, DealChangeRow, DealContactRow, DealFilter, DealRow, dealSource, dealsOfAccount, dealsOfLead, historyOfDeal,
} from '../catalog/deal.queries';
import {
  leadConditions, LeadFilter, LeadRow, leadSource, leadsOfAccount, leadsReachedByCampaign, LeadStageChangeRow,
  stageHistoryOfLead, visitorsOfLeads,
} from '../catalog/lead.queries';
import { Money } from '../catalog/money';
import { Conditions, findByIds } from '../catalog/rows';
import {
  touchConditions, TouchFilter, TouchRow, touchSource, touchesOfAccountLeads, touchesOfCampaign, touchesOfLead,
} from '../catalog/touch.queries';
import { Queryable } from '../database/sql';
import { byIdLoader } from './by-id.loader';
import { campaignSpendLoader } from './campaign-spend.loader';
import { ChildConnectionLoader, childConnectionLoader } from './child-connection.loader';
import { dealContactsLoader } from './deal-contacts.loader';
import { GroupedKey } from './grouped.loader';

/**
 * Every relation of the read API goes through these. One set per request, never shared: the
 * caches hold what one caller was allowed to see, for the duration of one response.
 */
export interface Loaders {
  accountById: DataLoader<string, AccountRow | null>;
  campaignById: DataLoader<string, CampaignRow | null>;
  leadById: DataLoader<string, LeadRow | null>;
  touchById: DataLoader<string, TouchRow | null>;
  dealById: DataLoader<string, DealRow | null>;
  contactsOfDeal: DataLoader<string, DealContactRow[]>;
  spendOfCampaign: DataLoader<GroupedKey<DatePeriod>, Money[], string>;
  costsOfCampaign: ChildConnectionLoader<DatePeriod, CampaignCostRow>;
  touchesOfCampaign: ChildConnectionLoader<TouchFilter, TouchRow>;
  leadsReachedByCampaign: ChildConnectionLoader<LeadFilter, LeadRow>;
  leadsOfAccount: ChildConnectionLoader<LeadFilter, LeadRow>;
  dealsOfAccount: ChildConnectionLoader<DealFilter, DealRow>;
  touchesOfLead: ChildConnectionLoader<TouchFilter, TouchRow>;
  touchesOfAccountLeads: ChildConnectionLoader<TouchFilter, TouchRow>;
  dealsOfLead: ChildConnectionLoader<DealFilter, DealRow>;
  stageHistoryOfLead: ChildConnectionLoader<object, LeadStageChangeRow>;
  historyOfDeal: ChildConnectionLoader<object, DealChangeRow>;
  visitorsOfLead: DataLoader<string, string[]>;
}

export function createLoaders(db: Queryable): Loaders {
  const leadById = byIdLoader((ids) => findByIds(db, leadSource, ids));
  const noFilter = () => new Conditions();
  return {
    accountById: byIdLoader((ids) => findByIds(db, accountSource, ids)),
    campaignById: byIdLoader((ids) => findByIds(db, campaignSource, ids)),
    leadById,
    touchById: byIdLoader((ids) => findByIds(db, touchSource, ids)),
    dealById: byIdLoader((ids) => findByIds(db, dealSource, ids)),
    contactsOfDeal: dealContactsLoader(db, leadById),
    spendOfCampaign: campaignSpendLoader(db),
    costsOfCampaign: childConnectionLoader(db, costsOfCampaign, costConditions),
    touchesOfCampaign: childConnectionLoader(db, touchesOfCampaign, touchConditions),
    leadsReachedByCampaign: childConnectionLoader(db, leadsReachedByCampaign, leadConditions),
    leadsOfAccount: childConnectionLoader(db, leadsOfAccount, leadConditions),
    dealsOfAccount: childConnectionLoader(db, dealsOfAccount, dealConditions),
    touchesOfLead: childConnectionLoader(db, touchesOfLead, touchConditions),
    touchesOfAccountLeads: childConnectionLoader(db, touchesOfAccountLeads, touchConditions),
    dealsOfLead: childConnectionLoader(db, dealsOfLead, dealConditions),
    stageHistoryOfLead: childConnectionLoader(db, stageHistoryOfLead, noFilter),
    historyOfDeal: childConnectionLoader(db, historyOfDeal, noFilter),
    visitorsOfLead: new DataLoader(async (ids) => {
      const visitors = await visitorsOfLeads(db, ids);
      return ids.map((id) => visitors.get(id) ?? []);
    }),
  };
}
