import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { CampaignOrderField, campaignSortKeys } from '../../catalog/campaign.queries';
import type { CampaignRow } from '../../catalog/campaign.queries';
import type { Context } from '../../context';
import type { Connection } from '../../pagination/connection';
import { EXTERNAL_ID_ARG, ID_ARG, INCLUDE_DELETED_ONE } from '../common/descriptions';
import { OrderDirection, orderedPage } from '../common/order';
import { visible } from '../common/visible';
import { NodeType, rowIdOf } from '../node/global-id';
import { CampaignConnection, CampaignObject } from './campaign.type';
import { CampaignsArgs } from './campaigns.args';

@Resolver(() => CampaignObject)
export class CampaignResolver {
  @Query(() => CampaignConnection, { description: 'Campaigns, a page at a time, filtered and ordered (default: by name).' })
  campaigns(@Args(() => CampaignsArgs) args: CampaignsArgs, @Ctx() { services }: Context): Promise<Connection<CampaignRow>> {
    return services.catalog.campaigns({ channel: args.channel, nameStartsWith: args.nameStartsWith, includeDeleted: args.includeDeleted },
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
    @Ctx() { services }: Context,
  ): Promise<CampaignRow | null> {
    return visible(await services.catalog.campaignByExternalId(externalId), includeDeleted);
  }
}
