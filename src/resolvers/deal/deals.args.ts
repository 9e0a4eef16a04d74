import { ArgsType, Field, ID } from 'type-graphql';
import { DealStatus } from '../../database/enums';
import { CurrencyCodeScalar } from '../common/currency-code.scalar';
import { DateTimeRangeInput } from '../common/date-time-range.input';
import { INCLUDE_DELETED, NAME_PREFIX } from '../common/descriptions';
import { PageArgs } from '../common/page.args';
import { DealOrderInput } from './deal-order.input';

const STATUS_FILTER = 'Only deals with these statuses (one or more), e.g. WON or [OPEN, WON].';

@ArgsType()
export class DealsArgs extends PageArgs {
  @Field(() => DealOrderInput, { nullable: true, description: 'Order of the list. Default: createdAt, newest first.' })
  orderBy?: DealOrderInput;

  @Field(() => ID, { nullable: true, description: 'Only deals of this account (its global id).' })
  accountId?: string;

  @Field(() => [DealStatus], { nullable: true, description: STATUS_FILTER })
  status?: DealStatus[];

  @Field(() => [String], { nullable: true, description: 'Only deals in these CRM pipeline stages (one or more, exact names), e.g. ["Proposal", "Negotiation"].' })
  stage?: string[];

  @Field(() => CurrencyCodeScalar, { nullable: true, description: 'Only deals in this currency; use it with AMOUNT order to compare like with like.' })
  currency?: string;

  @Field(() => DateTimeRangeInput, { nullable: true, description: 'Only deals created within this interval [from, to): the pipeline of a period.' })
  createdAt?: DateTimeRangeInput;

  @Field(() => DateTimeRangeInput, { nullable: true, description: 'Only deals closed (won or lost) within this interval [from, to); open deals never match.' })
  closedAt?: DateTimeRangeInput;

  @Field(() => String, { nullable: true, description: NAME_PREFIX })
  nameStartsWith?: string;

  @Field({ defaultValue: false, description: INCLUDE_DELETED })
  includeDeleted: boolean;
}

/** The deals of one account or lead. */
@ArgsType()
export class RelatedDealsArgs extends PageArgs {
  @Field(() => DealOrderInput, { nullable: true, description: 'Order of the list. Default: createdAt, newest first.' })
  orderBy?: DealOrderInput;

  @Field(() => [DealStatus], { nullable: true, description: STATUS_FILTER })
  status?: DealStatus[];
}
