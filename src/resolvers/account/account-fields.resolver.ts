import { Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { AccountRow } from '../../catalog/account.queries';
import { DealOrderField, dealSortKeys } from '../../catalog/deal.queries';
import type { DealRow } from '../../catalog/deal.queries';
import { LeadOrderField, leadSortKeys } from '../../catalog/lead.queries';
import type { LeadRow } from '../../catalog/lead.queries';
import type { Context } from '../../context';
import type { Connection } from '../../pagination/connection';
import { OrderDirection, orderedPage } from '../common/order';
import { RelatedDealsArgs } from '../deal/deals.args';
import { DealConnection } from '../deal/deal.type';
import { LeadConnection } from '../lead/lead.type';
import { RelatedLeadsArgs } from '../lead/leads.args';
import { NodeType, toGlobalId } from '../node/global-id';
import { AccountObject } from './account.type';

@Resolver(() => AccountObject)
export class AccountFieldsResolver {
  @FieldResolver(() => ID)
  id(@Root() account: AccountRow): string {
    return toGlobalId(NodeType.Account, account.id);
  }

  @FieldResolver(() => AccountObject, { nullable: true, description: 'The account this one was merged into (the last of a chain): where its leads, deals and touches are now. Null for a live account.' })
  async mergedInto(@Root() account: AccountRow, @Ctx() { loaders }: Context): Promise<AccountRow | null> {
    return account.mergedIntoId === null ? null : loaders.accountById.load(account.mergedIntoId);
  }

  @FieldResolver(() => LeadConnection, { description: "The account's leads (its people), oldest first by default." })
  leads(@Root() account: AccountRow, @Args(() => RelatedLeadsArgs) args: RelatedLeadsArgs,
    @Ctx() { loaders }: Context): Promise<Connection<LeadRow>> {
    return loaders.leadsOfAccount(
      account.id,
      { lifecycleStage: args.lifecycleStage },
      orderedPage(args, args.orderBy, { field: LeadOrderField.CREATED_AT, direction: OrderDirection.ASC }, leadSortKeys),
    );
  }

  @FieldResolver(() => DealConnection, { description: "The account's deals, newest first by default." })
  deals(@Root() account: AccountRow, @Args(() => RelatedDealsArgs) args: RelatedDealsArgs,
    @Ctx() { loaders }: Context): Promise<Connection<DealRow>> {
    return loaders.dealsOfAccount(
      account.id,
      { status: args.status },
      orderedPage(args, args.orderBy, { field: DealOrderField.CREATED_AT, direction: OrderDirection.DESC }, dealSortKeys),
    );
  }
}
