import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { LeadOrderField, leadSortKeys } from '../../catalog/lead.queries';
import type { LeadRow } from '../../catalog/lead.queries';
import type { Context } from '../../context';
import type { Connection } from '../../pagination/connection';
import { timeRange } from '../common/date-time-range.input';
import { EXTERNAL_ID_ARG, ID_ARG, INCLUDE_DELETED_ONE } from '../common/descriptions';
import { OrderDirection, orderedPage } from '../common/order';
import { visible } from '../common/visible';
import { NodeType, optionalRowIdOf, rowIdOf } from '../node/global-id';
import { LeadConnection, LeadObject } from './lead.type';
import { LeadsArgs } from './leads.args';

@Resolver(() => LeadObject)
export class LeadResolver {
  @Query(() => LeadConnection, { description: 'Leads (people), a page at a time, filtered and ordered (default: newest first).' })
  leads(@Args(() => LeadsArgs) args: LeadsArgs, @Ctx() { services }: Context): Promise<Connection<LeadRow>> {
    return services.catalog.leads({
        accountId: optionalRowIdOf(args.accountId, NodeType.Account, 'accountId'),
        lifecycleStage: args.lifecycleStage,
        createdAt: timeRange(args.createdAt, 'createdAt'),
        emailStartsWith: args.emailStartsWith,
        nameStartsWith: args.nameStartsWith,
        includeDeleted: args.includeDeleted,
      },
      orderedPage(args, args.orderBy, { field: LeadOrderField.CREATED_AT, direction: OrderDirection.DESC }, leadSortKeys),
    );
  }

  @Query(() => LeadObject, { nullable: true, description: 'One lead by its global id; null if there is none.' })
  async lead(
    @Arg('id', () => ID, { description: ID_ARG('lead') }) id: string,
    @Arg('includeDeleted', { defaultValue: false, description: INCLUDE_DELETED_ONE }) includeDeleted: boolean,
    @Ctx() { loaders }: Context,
  ): Promise<LeadRow | null> {
    return visible(await loaders.leadById.load(rowIdOf(id, NodeType.Lead, 'id')), includeDeleted);
  }

  @Query(() => LeadObject, { nullable: true, description: 'One lead by its id in the source system; null if there is none.' })
  async leadByExternalId(
    @Arg('externalId', { description: EXTERNAL_ID_ARG('lead') }) externalId: string,
    @Arg('includeDeleted', { defaultValue: false, description: INCLUDE_DELETED_ONE }) includeDeleted: boolean,
    @Ctx() { services }: Context,
  ): Promise<LeadRow | null> {
    return visible(await services.catalog.leadByExternalId(externalId), includeDeleted);
  }
}
