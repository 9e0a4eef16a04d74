import { AccountFieldsResolver } from './account/account-fields.resolver';
import { AccountResolver } from './account/account.resolver';
import { CampaignFieldsResolver } from './campaign/campaign-fields.resolver';
import { CampaignResolver } from './campaign/campaign.resolver';
import { DealFieldsResolver } from './deal/deal-fields.resolver';
import { DealResolver } from './deal/deal.resolver';
import { LeadFieldsResolver } from './lead/lead-fields.resolver';
import { LeadResolver } from './lead/lead.resolver';
import { NodeResolver } from './node/node.resolver';
import { TouchFieldsResolver } from './touch/touch-fields.resolver';
import { TouchResolver } from './touch/touch.resolver';

/** The read API: queries and the relations between records. */
export const readResolvers = [
  NodeResolver,
  CampaignResolver, CampaignFieldsResolver,
  AccountResolver, AccountFieldsResolver,
  LeadResolver, LeadFieldsResolver,
  TouchResolver, TouchFieldsResolver,
  DealResolver, DealFieldsResolver,
] as const;
