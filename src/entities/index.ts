import { Account } from './account.entity';
import { Campaign } from './campaign.entity';
import { CampaignCost } from './campaign-cost.entity';
import { Channel } from './channel.entity';
import { Currency } from './currency.entity';
import { Deal } from './deal.entity';
import { DealChange } from './deal-change.entity';
import { DealContact } from './deal-contact.entity';
import { FxRate } from './fx-rate.entity';
import { Lead } from './lead.entity';
import { LeadStageChange } from './lead-stage-change.entity';
import { Touch } from './touch.entity';

export const entities = [
  Account, Campaign, CampaignCost, Channel, Currency, Deal, DealChange, DealContact, FxRate, Lead, LeadStageChange, Touch,
];
