import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { DealOrderField, dealSortKeys } from '../../catalog/deal.queries';
import type { DealRow } from '../../catalog/deal.queries';
import type { Context } from '../../context';
import type { Connection } from '../../pagination/connection';
import { timeRange } from '../common/date-time-range.input';
import { EXTERNAL_ID_ARG, ID_ARG, INCLUDE_DELETED_ONE } from '../common/descriptions';
import { OrderDirection, orderedPage } from '../common/order';
import { visible } from '../common/visible';
import { NodeType, optionalRowIdOf, rowIdOf } from '../node/global-id';
import { DealConnection, DealObject } from './deal.type';
import { DealsArgs } from './deals.args';

@Resolver(() => DealObject)
export class DealResolver {
  @Query(() => DealConnection, { description: 'Deals, a page at a time, filtered and ordered (default: newest first): the pipeline.' })
  deals(@Args(() => DealsArgs) args: DealsArgs, @Ctx() { services }: Context): Promise<Connection<DealRow>> {
    return services.catalog.deals({
        accountId: optionalRowIdOf(args.accountId, NodeType.Account, 'accountId'),
        status: args.status,
        stage: args.stage,
        currency: args.currency,
        createdAt: timeRange(args.createdAt, 'createdAt'),
        closedAt: timeRange(args.closedAt, 'closedAt'),
        nameStartsWith: args.nameStartsWith,
        includeDeleted: args.includeDeleted,
      },
      orderedPage(args, args.orderBy, { field: DealOrderField.CREATED_AT, direction: OrderDirection.DESC }, dealSortKeys),
    );
  }

  @Query(() => DealObject, { nullable: true, description: 'One deal by its global id; null if there is none.' })
  async deal(
    @Arg('id', () => ID, { description: ID_ARG('deal') }) id: string,
    @Arg('includeDeleted', { defaultValue: false, description: INCLUDE_DELETED_ONE }) includeDeleted: boolean,
    @Ctx() { loaders }: Context,
  ): Promise<DealRow | null> {
    return visible(await loaders.dealById.load(rowIdOf(id, NodeType.Deal, 'id')), includeDeleted);
  }

  @Query(() => DealObject, { nullable: true, description: 'One deal by its id in the source system (CRM); null if there is none.' })
  async dealByExternalId(
    @Arg('externalId', { description: EXTERNAL_ID_ARG('deal') }) externalId: string,
    @Arg('includeDeleted', { defaultValue: false, description: INCLUDE_DELETED_ONE }) includeDeleted: boolean,
    @Ctx() { services }: Context,
  ): Promise<DealRow | null> {
    return visible(await services.catalog.dealByExternalId(externalId), includeDeleted);
  }
}
