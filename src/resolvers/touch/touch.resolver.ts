import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { TouchOrderField, touchSortKeys } from '../../catalog/touch.queries';
import type { TouchRow } from '../../catalog/touch.queries';
import type { Context } from '../../context';
import type { Connection } from '../../pagination/connection';
import { timeRange } from '../common/date-time-range.input';
import { EXTERNAL_ID_ARG, ID_ARG, INCLUDE_DELETED_ONE } from '../common/descriptions';
import { OrderDirection, orderedPage } from '../common/order';
import { visible } from '../common/visible';
import { NodeType, optionalRowIdOf, rowIdOf } from '../node/global-id';
import { TouchConnection, TouchObject } from './touch.type';
import { TouchesArgs } from './touches.args';

@Resolver(() => TouchObject)
export class TouchResolver {
  @Query(() => TouchConnection, { description: 'Touches, a page at a time, filtered and ordered (default: newest first).' })
  touches(@Args(() => TouchesArgs) args: TouchesArgs, @Ctx() { services }: Context): Promise<Connection<TouchRow>> {
    return services.catalog.touches({
        leadId: optionalRowIdOf(args.leadId, NodeType.Lead, 'leadId'),
        accountId: optionalRowIdOf(args.accountId, NodeType.Account, 'accountId'),
        campaignId: optionalRowIdOf(args.campaignId, NodeType.Campaign, 'campaignId'),
        channel: args.channel,
        type: args.type,
        occurredAt: timeRange(args.occurredAt, 'occurredAt'),
        includeDeleted: args.includeDeleted,
      },
      orderedPage(args, args.orderBy, { field: TouchOrderField.OCCURRED_AT, direction: OrderDirection.DESC }, touchSortKeys),
    );
  }

  @Query(() => TouchObject, { nullable: true, description: 'One touch by its global id; null if there is none.' })
  async touch(
    @Arg('id', () => ID, { description: ID_ARG('touch') }) id: string,
    @Arg('includeDeleted', { defaultValue: false, description: INCLUDE_DELETED_ONE }) includeDeleted: boolean,
    @Ctx() { loaders }: Context,
  ): Promise<TouchRow | null> {
    return visible(await loaders.touchById.load(rowIdOf(id, NodeType.Touch, 'id')), includeDeleted);
  }

  @Query(() => TouchObject, { nullable: true, description: 'One touch by its id in the source system; null if there is none.' })
  async touchByExternalId(
    @Arg('externalId', { description: EXTERNAL_ID_ARG('touch') }) externalId: string,
    @Arg('includeDeleted', { defaultValue: false, description: INCLUDE_DELETED_ONE }) includeDeleted: boolean,
    @Ctx() { services }: Context,
  ): Promise<TouchRow | null> {
    return visible(await services.catalog.touchByExternalId(externalId), includeDeleted);
  }
}
