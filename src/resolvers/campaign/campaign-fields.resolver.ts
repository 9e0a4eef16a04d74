import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { costSortKey } from '../../catalog/campaign.queries';
import type { CampaignCostRow, CampaignRow } from '../../catalog/campaign.queries';
import { LeadOrderField, leadSortKeys } from '../../catalog/lead.queries';
import type { LeadRow } from '../../catalog/lead.queries';
import type { Money } from '../../catalog/money';
import { TouchOrderField, touchSortKeys } from '../../catalog/touch.queries';
import type { TouchRow } from '../../catalog/touch.queries';
import type { Context } from '../../context';
import type { Connection } from '../../pagination/connection';
import { pageRequest } from '../../pagination/page-request';
import { datePeriod, timeRange } from '../common/date-time-range.input';
import { MoneyObject } from '../common/money.type';
import { OrderDirection, orderedPage } from '../common/order';
import { LeadConnection } from '../lead/lead.type';
import { RelatedLeadsArgs } from '../lead/leads.args';
import { NodeType, toGlobalId } from '../node/global-id';
import { RelatedTouchesArgs } from '../touch/touches.args';
import { TouchConnection } from '../touch/touch.type';
import { CampaignCostsArgs, PERIOD_FROM, PERIOD_TO } from './campaign-costs.args';
import { CampaignCostConnection } from './campaign-cost.type';
import { CampaignObject } from './campaign.type';

@Resolver(() => CampaignObject)
export class CampaignFieldsResolver {
  @FieldResolver(() => ID)
  id(@Root() campaign: CampaignRow): string {
    return toGlobalId(NodeType.Campaign, campaign.id);
  }

  @FieldResolver(() => TouchConnection, { description: "The campaign's touches (soft-deleted ones left out), oldest first by default." })
  touches(@Root() campaign: CampaignRow, @Args(() => RelatedTouchesArgs) args: RelatedTouchesArgs,
    @Ctx() { loaders }: Context): Promise<Connection<TouchRow>> {
    return loaders.touchesOfCampaign(
      campaign.id,
      { channel: args.channel, type: args.type, occurredAt: timeRange(args.occurredAt, 'occurredAt') },
      orderedPage(args, args.orderBy, { field: TouchOrderField.OCCURRED_AT, direction: OrderDirection.ASC }, touchSortKeys),
    );
  }

  @FieldResolver(() => LeadConnection, { description: 'The leads this campaign reached: those with at least one (live) touch of it. Oldest lead first by default.' })
  leadsReached(@Root() campaign: CampaignRow, @Args(() => RelatedLeadsArgs) args: RelatedLeadsArgs,
    @Ctx() { loaders }: Context): Promise<Connection<LeadRow>> {
    return loaders.leadsReachedByCampaign(
      campaign.id,
      { lifecycleStage: args.lifecycleStage },
      orderedPage(args, args.orderBy, { field: LeadOrderField.CREATED_AT, direction: OrderDirection.ASC }, leadSortKeys),
    );
  }

  @FieldResolver(() => CampaignCostConnection, { description: "The campaign's daily costs in the period, in date order." })
  costs(@Root() campaign: CampaignRow, @Args(() => CampaignCostsArgs) args: CampaignCostsArgs,
    @Ctx() { loaders }: Context): Promise<Connection<CampaignCostRow>> {
    return loaders.costsOfCampaign(campaign.id, datePeriod(args.from, args.to), pageRequest(args, costSortKey, false));
  }

  @FieldResolver(() => [MoneyObject], {
    description: 'Total spend of the campaign in the period: the sum of its daily costs, one amount per currency (no '
      + 'conversion), ordered by currency code. Empty when nothing was spent.',
  })
  spend(
    @Root() campaign: CampaignRow,
    @Arg('from', () => LocalDateResolver, { nullable: true, description: PERIOD_FROM }) from: string | undefined,
    @Arg('to', () => LocalDateResolver, { nullable: true, description: PERIOD_TO }) to: string | undefined,
    @Ctx() { loaders }: Context,
  ): Promise<Money[]> {
    return loaders.spendOfCampaign.load({ parentId: campaign.id, args: datePeriod(from, to) });
  }
}
