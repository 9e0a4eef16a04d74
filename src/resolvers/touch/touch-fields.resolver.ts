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

  @FieldResolver(() => LeadObject, { description: 'The lead who interacted. Shown even if soft-deleted.' })
  async lead(@Root() touch: TouchRow, @Ctx() { loaders }: Context): Promise<LeadRow> {
    const lead = await loaders.leadById.load(touch.leadId);
    // touches.lead_id is a foreign key: a missing lead is a broken database, not a client error.
    if (lead === null) throw new Error(`touch ${touch.id} has no lead ${touch.leadId}`);
    return lead;
  }

  @FieldResolver(() => CampaignObject, { nullable: true, description: 'The campaign of the touch; null for touches outside any campaign (e.g. direct visits). Shown even if soft-deleted.' })
  async campaign(@Root() touch: TouchRow, @Ctx() { loaders }: Context): Promise<CampaignRow | null> {
    return touch.campaignId === null ? null : loaders.campaignById.load(touch.campaignId);
  }
}
