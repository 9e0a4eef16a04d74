import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { CampaignRow } from '../../catalog/campaign.queries';
import type { LeadRow } from '../../catalog/lead.queries';
import type { TouchRow } from '../../catalog/touch.queries';
import type { Context } from '../../context';
import { CampaignObject } from '../campaign/campaign.type';
import { LeadObject } from '../lead/lead.type';
import { NodeType, toGlobalId } from '../node/global-id';
import { TouchObject } from './touch.type';

@Resolver(() => TouchObject)
export class TouchFieldsResolver {
  @FieldResolver(() => ID)
  id(@Root() touch: TouchRow): string {
    return toGlobalId(NodeType.Touch, touch.id);
  }

  @FieldResolver(() => LeadObject, {
    nullable: true,
    description: "The lead whose journey the touch is part of: the lead it names, else its visitor's lead once identifyVisitors linked them; null while the visitor is anonymous. Shown even if soft-deleted.",
  })
  async lead(@Root() touch: TouchRow, @Ctx() { loaders }: Context): Promise<LeadRow | null> {
    return touch.leadId === null ? null : loaders.leadById.load(touch.leadId);
  }

  @FieldResolver(() => CampaignObject, { nullable: true, description: 'The campaign of the touch; null for touches outside any campaign (e.g. direct visits). Shown even if soft-deleted.' })
  async campaign(@Root() touch: TouchRow, @Ctx() { loaders }: Context): Promise<CampaignRow | null> {
    return touch.campaignId === null ? null : loaders.campaignById.load(touch.campaignId);
  }
}
