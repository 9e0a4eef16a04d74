import { Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { AccountRow } from '../../catalog/account.queries';
import { DealOrderField, dealSortKeys } from '../../catalog/deal.queries';
import type { DealRow } from '../../catalog/deal.queries';
import { stageChangeSortKey } from '../../catalog/lead.queries';
import type { LeadRow, LeadStageChangeRow } from '../../catalog/lead.queries';
import { TouchOrderField, touchSortKeys } from '../../catalog/touch.queries';
import type { TouchRow } from '../../catalog/touch.queries';
import type { Context } from '../../context';
import type { Connection } from '../../pagination/connection';
import { pageRequest } from '../../pagination/page-request';
import { AccountObject } from '../account/account.type';
import { timeRange } from '../common/date-time-range.input';
import { OrderDirection, orderedPage } from '../common/order';
import { PageArgs } from '../common/page.args';
import { RelatedDealsArgs } from '../deal/deals.args';
import { DealConnection } from '../deal/deal.type';
import { NodeType, toGlobalId } from '../node/global-id';
import { RelatedTouchesArgs } from '../touch/touches.args';
import { TouchConnection } from '../touch/touch.type';
import { LeadStageChangeConnection } from './lead-stage-change.type';
import { LeadObject } from './lead.type';

@Resolver(() => LeadObject)
export class LeadFieldsResolver {
  @FieldResolver(() => ID)
  id(@Root() lead: LeadRow): string {
    return toGlobalId(NodeType.Lead, lead.id);
  }

  @FieldResolver(() => [String], { description: 'The visitors (browser or device ids) identifyVisitors linked to this lead: their touches, earlier or later, are part of its journey.' })
  visitorIds(@Root() lead: LeadRow, @Ctx() { loaders }: Context): Promise<string[]> {
    return loaders.visitorsOfLead.load(lead.id);
  }

  @FieldResolver(() => LeadObject, { nullable: true, description: 'The lead this one was merged into (the last of a chain): where its touches, visitors and deal roles are now. Null for a live lead.' })
  async mergedInto(@Root() lead: LeadRow, @Ctx() { loaders }: Context): Promise<LeadRow | null> {
    return lead.mergedIntoId === null ? null : loaders.leadById.load(lead.mergedIntoId);
  }

  @FieldResolver(() => AccountObject, { nullable: true, description: "The lead's account (company); null when unknown. Shown even if soft-deleted." })
  async account(@Root() lead: LeadRow, @Ctx() { loaders }: Context): Promise<AccountRow | null> {
    return lead.accountId === null ? null : loaders.accountById.load(lead.accountId);
  }

  @FieldResolver(() => TouchConnection, { description: "The lead's touches: its journey, oldest first by default." })
  touches(@Root() lead: LeadRow, @Args(() => RelatedTouchesArgs) args: RelatedTouchesArgs,
    @Ctx() { loaders }: Context): Promise<Connection<TouchRow>> {
    return loaders.touchesOfLead(
      lead.id,
      { channel: args.channel, type: args.type, occurredAt: timeRange(args.occurredAt, 'occurredAt') },
      orderedPage(args, args.orderBy, { field: TouchOrderField.OCCURRED_AT, direction: OrderDirection.ASC }, touchSortKeys),
    );
  }

  @FieldResolver(() => DealConnection, { description: 'The deals this lead is a contact of, newest first by default.' })
  deals(@Root() lead: LeadRow, @Args(() => RelatedDealsArgs) args: RelatedDealsArgs,
    @Ctx() { loaders }: Context): Promise<Connection<DealRow>> {
    return loaders.dealsOfLead(
      lead.id,
      { status: args.status },
      orderedPage(args, args.orderBy, { field: DealOrderField.CREATED_AT, direction: OrderDirection.DESC }, dealSortKeys),
    );
  }

  @FieldResolver(() => LeadStageChangeConnection, { description: "The lead's lifecycle stage changes, in time order (oldest first)." })
  stageHistory(@Root() lead: LeadRow, @Args(() => PageArgs) args: PageArgs,
    @Ctx() { loaders }: Context): Promise<Connection<LeadStageChangeRow>> {
    return loaders.stageHistoryOfLead(lead.id, {}, pageRequest(args, stageChangeSortKey, false));
  }
}
