import { Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { AccountRow } from '../../catalog/account.queries';
import { dealChangeSortKey } from '../../catalog/deal.queries';
import type { DealChangeRow, DealContactRow, DealRow } from '../../catalog/deal.queries';
import type { LeadRow } from '../../catalog/lead.queries';
import type { Context } from '../../context';
import type { Connection } from '../../pagination/connection';
import { pageRequest } from '../../pagination/page-request';
import { AccountObject } from '../account/account.type';
import { PageArgs } from '../common/page.args';
import { LeadObject } from '../lead/lead.type';
import { NodeType, toGlobalId } from '../node/global-id';
import { DealChangeConnection } from './deal-change.type';
import { DealContactObject } from './deal-contact.type';
import { DealObject } from './deal.type';

@Resolver(() => DealObject)
export class DealFieldsResolver {
  @FieldResolver(() => ID)
  id(@Root() deal: DealRow): string {
    return toGlobalId(NodeType.Deal, deal.id);
  }

  @FieldResolver(() => AccountObject, { nullable: true, description: 'The buying account; null when unknown. Shown even if soft-deleted.' })
  async account(@Root() deal: DealRow, @Ctx() { loaders }: Context): Promise<AccountRow | null> {
    return deal.accountId === null ? null : loaders.accountById.load(deal.accountId);
  }

  @FieldResolver(() => [DealContactObject], {
    description: "The deal's contacts (its buying committee as the CRM lists it), primary first. A complete list: deals "
      + 'have a handful of contacts. Soft-deleted leads are left out.',
  })
  contacts(@Root() deal: DealRow, @Ctx() { loaders }: Context): Promise<DealContactRow[]> {
    return loaders.contactsOfDeal.load(deal.id);
  }

  @FieldResolver(() => LeadObject, { nullable: true, description: "The deal's primary contact; null when the deal has no contacts." })
  async primaryContact(@Root() deal: DealRow, @Ctx() { loaders }: Context): Promise<LeadRow | null> {
    const contacts = await loaders.contactsOfDeal.load(deal.id);
    return contacts.find((contact) => contact.isPrimary)?.lead ?? null;
  }

  @FieldResolver(() => DealChangeConnection, { description: "The deal's history: each change of status, stage or amount, in time order (oldest first)." })
  history(@Root() deal: DealRow, @Args(() => PageArgs) args: PageArgs,
    @Ctx() { loaders }: Context): Promise<Connection<DealChangeRow>> {
    return loaders.historyOfDeal(deal.id, {}, pageRequest(args, dealChangeSortKey, false));
  }
}
