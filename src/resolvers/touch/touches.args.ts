import { ArgsType, Field, ID } from 'type-graphql';
import { TouchType } from '../../database/enums';
import { DateTimeRangeInput } from '../common/date-time-range.input';
import { CHANNEL_FILTER, INCLUDE_DELETED } from '../common/descriptions';
import { PageArgs } from '../common/page.args';
import { TouchOrderInput } from './touch-order.input';

const TYPE_FILTER = 'Only these kinds of interaction (one or more).';
const OCCURRED_AT_FILTER = 'Only touches that happened within this interval [from, to).';

@ArgsType()
export class TouchesArgs extends PageArgs {
  @Field(() => TouchOrderInput, { nullable: true, description: 'Order of the list. Default: occurredAt, newest first.' })
  orderBy?: TouchOrderInput;

  @Field(() => ID, { nullable: true, description: 'Only touches of this lead (its global id).' })
  leadId?: string;

  @Field(() => ID, { nullable: true, description: "Only touches of this account's leads (its global id)." })
  accountId?: string;

  @Field(() => ID, { nullable: true, description: 'Only touches of this campaign (its global id).' })
  campaignId?: string;

  @Field(() => [String], { nullable: true, description: CHANNEL_FILTER })
  channel?: string[];

  @Field(() => [TouchType], { nullable: true, description: TYPE_FILTER })
  type?: TouchType[];

  @Field(() => DateTimeRangeInput, { nullable: true, description: OCCURRED_AT_FILTER })
  occurredAt?: DateTimeRangeInput;

  @Field({ defaultValue: false, description: INCLUDE_DELETED })
  includeDeleted: boolean;
}

/** The touches of one lead or campaign. */
@ArgsType()
export class RelatedTouchesArgs extends PageArgs {
  @Field(() => TouchOrderInput, { nullable: true, description: 'Order of the list. Default: occurredAt, oldest first (journey order).' })
  orderBy?: TouchOrderInput;

  @Field(() => [String], { nullable: true, description: CHANNEL_FILTER })
  channel?: string[];

  @Field(() => [TouchType], { nullable: true, description: TYPE_FILTER })
  type?: TouchType[];

  @Field(() => DateTimeRangeInput, { nullable: true, description: OCCURRED_AT_FILTER })
  occurredAt?: DateTimeRangeInput;
}
