import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isDataDrivenModel } from '../../attribution/attribution-model';
import { RuleBasedOptions } from '../../attribution/rule-based-model';
import type { AccountRow } from '../../catalog/account.queries';
import { money } from '../../catalog/money';
import { touchSortKeys } from '../../catalog/touch.queries';
import type { TouchRow } from '../../catalog/touch.queries';
import type { DealRow } from '../../catalog/deal.queries';
import type { Context } from '../../context';
import { badUserInput } from '../../errors';
import type { Connection } from '../../pagination/connection';
import { pageRequest } from '../../pagination/page-request';
import { storedColumn } from '../../reports/stored-credits/stored-credit-models';
import { DealObject } from '../deal/deal.type';
import { TouchObject } from '../touch/touch.type';
import { AccountJourneyArgs, AccountJourneyConnection, AccountJourneyCredit, AccountJourneyStep } from './account-journey.type';
import { AccountObject } from './account.type';

// The journey reads stored credits: only models whose default-option credits are stored qualify.
function storedColumnOf({ model }: AccountJourneyArgs): string {
  const column = isDataDrivenModel(model) ? undefined : storedColumn({ model } as RuleBasedOptions);
  if (column === undefined) {
    throw badUserInput(`model: Account.journey shows stored credits of rule-based models with default options; got ${model}`,
      { field: 'model', value: model });
  }
  return column;
}

@Resolver(() => AccountObject)
export class AccountJourneyResolver {
  @FieldResolver(() => AccountJourneyConnection, {
    description: 'Every touch of every lead of the account, oldest first (occurredAt, then id), each with the deals it '
      + 'contributed to and its stored credit there: what an ABM team looks at.',
  })
  async journey(@Root() account: AccountRow, @Args(() => AccountJourneyArgs) args: AccountJourneyArgs,
    @Ctx() { loaders }: Context): Promise<Connection<AccountJourneyStep>> {
    const choice = { column: storedColumnOf(args), basis: args.basis };
    const touches = await loaders.touchesOfAccountLeads(account.id, {}, pageRequest(args, touchSortKeys.OCCURRED_AT, false));
    const step = (touchRow: TouchRow): AccountJourneyStep => ({ touchRow, choice });
    return {
      ...touches,
      edges: touches.edges.map((edge) => ({ cursor: edge.cursor, node: step(edge.node) })),
      nodes: touches.nodes.map(step),
    };
  }
}

@Resolver(() => AccountJourneyStep)
export class AccountJourneyStepResolver {
  @FieldResolver(() => TouchObject, { description: 'The touch.' })
  touch(@Root() step: AccountJourneyStep): TouchRow {
    return step.touchRow;
  }

  @FieldResolver(() => [AccountJourneyCredit], { description: 'One credit per deal whose journey holds the touch, in deal order; empty when it served none.' })
  async credits(@Root() step: AccountJourneyStep, @Ctx() { loaders }: Context): Promise<AccountJourneyCredit[]> {
    const credits = await loaders.touchCredits.load({ parentId: step.touchRow.id, args: step.choice });
    return credits.map((credit) => ({
      amount: money(credit.amountMinor, credit.currency, credit.minorUnits), share: credit.share, dealId: credit.dealId,
    }));
  }
}

@Resolver(() => AccountJourneyCredit)
export class AccountJourneyCreditResolver {
  @FieldResolver(() => DealObject, { description: 'The deal.' })
  async deal(@Root() credit: AccountJourneyCredit, @Ctx() { loaders }: Context): Promise<DealRow | null> {
    return loaders.dealById.load(credit.dealId);
  }
}
