import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { AccountOrderField, accountSortKeys } from '../../catalog/account.queries';
import type { AccountRow } from '../../catalog/account.queries';
import type { Context } from '../../context';
import type { Connection } from '../../pagination/connection';
import { EXTERNAL_ID_ARG, ID_ARG, INCLUDE_DELETED_ONE } from '../common/descriptions';
import { OrderDirection, orderedPage } from '../common/order';
import { visible } from '../common/visible';
import { NodeType, rowIdOf } from '../node/global-id';
import { AccountConnection, AccountObject } from './account.type';
import { AccountsArgs } from './accounts.args';

@Resolver(() => AccountObject)
export class AccountResolver {
  @Query(() => AccountConnection, { description: 'Accounts (companies), a page at a time, filtered and ordered (default: by name).' })
  accounts(@Args(() => AccountsArgs) args: AccountsArgs, @Ctx() { services }: Context): Promise<Connection<AccountRow>> {
    return services.catalog.accounts({
        nameStartsWith: args.nameStartsWith, domain: args.domain, segment: args.segment, industry: args.industry,
        includeDeleted: args.includeDeleted,
      },
      orderedPage(args, args.orderBy, { field: AccountOrderField.NAME, direction: OrderDirection.ASC }, accountSortKeys),
    );
  }

  @Query(() => AccountObject, { nullable: true, description: 'One account by its global id; null if there is none.' })
  async account(
    @Arg('id', () => ID, { description: ID_ARG('account') }) id: string,
    @Arg('includeDeleted', { defaultValue: false, description: INCLUDE_DELETED_ONE }) includeDeleted: boolean,
    @Ctx() { loaders }: Context,
  ): Promise<AccountRow | null> {
    return visible(await loaders.accountById.load(rowIdOf(id, NodeType.Account, 'id')), includeDeleted);
  }

  @Query(() => AccountObject, { nullable: true, description: 'One account by its id in the source system; null if there is none.' })
  async accountByExternalId(
    @Arg('externalId', { description: EXTERNAL_ID_ARG('account') }) externalId: string,
    @Arg('includeDeleted', { defaultValue: false, description: INCLUDE_DELETED_ONE }) includeDeleted: boolean,
    @Ctx() { services }: Context,
  ): Promise<AccountRow | null> {
    return visible(await services.catalog.accountByExternalId(externalId), includeDeleted);
  }
}
