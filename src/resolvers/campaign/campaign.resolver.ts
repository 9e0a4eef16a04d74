import { Arg, Args, Ctx, ID, Query, Resolver, UseMiddleware } from 'type-graphql';
import { campaignByExternalId, CampaignOrderField, campaignSortKeys, listCampaigns } from '../../catalog/campaign.service';
import type { CampaignRow } from '../../catalog/campaign.service';
import type { Context } from '../../context';
import type { Connection } from '../../pagination/connection';
import { EXTERNAL_ID_ARG, ID_ARG, INCLUDE_DELETED_ONE } from '../common/descriptions';
import { OrderDirection, orderedPage } from '../common/order';
import { TagErrorsWithRequestId } from '../common/request-id.middleware';
import { visible } from '../common/visible';
import { NodeType, rowIdOf } from '../node/global-id';
import { CampaignConnection, CampaignObject } from './campaign.type';
import { CampaignsArgs } from './campaigns.args';

@Resolver(() => CampaignObject)
@UseMiddleware(TagErrorsWithRequestId)
export class CampaignResolver {
  @Query(() => CampaignConnection, { description: 'Campaigns, a page at a time, filtered and ordered (default: by name).' })
  campaigns(@Args(() => CampaignsArgs) args: CampaignsArgs, @Ctx() { dataSource }: Context): Promise<Connection<CampaignRow>> {
    return listCampaigns(
      dataSource,
      { channel: args.channel, nameStartsWith: args.nameStartsWith, includeDeleted: args.includeDeleted },
      orderedPage(args, args.orderBy, { field: CampaignOrderField.NAME, direction: OrderDirection.ASC }, campaignSortKeys),
    );
  }

  @Query(() => CampaignObject, { nullable: true, description: 'One campaign by its global id; null if there is none.' })
  async campaign(
    @Arg('id', () => ID, { description: ID_ARG('campaign') }) id: string,
    @Arg('includeDeleted', { defaultValue: false, description: INCLUDE_DELETED_ONE }) includeDeleted: boolean,
    @Ctx() { loaders }: Context,
  ): Promise<CampaignRow | null> {
    return visible(await loaders.campaignById.load(rowIdOf(id, NodeType.Campaign, 'id')), includeDeleted);
  }

  @Query(() => CampaignObject, { nullable: true, description: 'One campaign by its id in the source system; null if there is none.' })
  async campaignByExternalId(
    @Arg('externalId', { description: EXTERNAL_ID_ARG('campaign') }) externalId: string,
    @Arg('includeDeleted', { defaultValue: false, description: INCLUDE_DELETED_ONE }) includeDeleted: boolean,
    @Ctx() { dataSource }: Context,
  ): Promise<CampaignRow | null> {
    return visible(await campaignByExternalId(dataSource, externalId), includeDeleted);
  }
}
