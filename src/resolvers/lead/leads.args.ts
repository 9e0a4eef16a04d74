import { ArgsType, Field, ID } from 'type-graphql';
import { LifecycleStage } from '../../database/enums';
import { DateTimeRangeInput } from '../common/date-time-range.input';
import { INCLUDE_DELETED, NAME_PREFIX } from '../common/descriptions';
import { PageArgs } from '../common/page.args';
import { LeadOrderInput } from './lead-order.input';

const STAGE_FILTER = 'Only leads currently in these lifecycle stages (one or more).';

@ArgsType()
export class LeadsArgs extends PageArgs {
  @Field(() => LeadOrderInput, { nullable: true, description: 'Order of the list. Default: createdAt, newest first.' })
  orderBy?: LeadOrderInput;

  @Field(() => ID, { nullable: true, description: 'Only leads of this account (its global id).' })
  accountId?: string;

  @Field(() => [LifecycleStage], { nullable: true, description: STAGE_FILTER })
  lifecycleStage?: LifecycleStage[];

  @Field(() => DateTimeRangeInput, { nullable: true, description: 'Only leads created in the source system within this interval [from, to).' })
  createdAt?: DateTimeRangeInput;

  @Field(() => String, { nullable: true, description: 'Only emails that start with this text, ignoring case (no wildcards), e.g. "ana@" or "ana.lima@acme".' })
  emailStartsWith?: string;

  @Field(() => String, { nullable: true, description: NAME_PREFIX })
  nameStartsWith?: string;

  @Field({ defaultValue: false, description: INCLUDE_DELETED })
  includeDeleted: boolean;
}

/** The leads of one account or campaign. */
@ArgsType()
export class RelatedLeadsArgs extends PageArgs {
  @Field(() => LeadOrderInput, { nullable: true, description: 'Order of the list. Default: createdAt, oldest first.' })
  orderBy?: LeadOrderInput;

  @Field(() => [LifecycleStage], { nullable: true, description: STAGE_FILTER })
  lifecycleStage?: LifecycleStage[];
}
