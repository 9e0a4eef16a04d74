import { ArgsType, Field } from 'type-graphql';
import { CHANNEL_FILTER, INCLUDE_DELETED, NAME_PREFIX } from '../common/descriptions';
import { PageArgs } from '../common/page.args';
import { CampaignOrderInput } from './campaign-order.input';

@ArgsType()
export class CampaignsArgs extends PageArgs {
  @Field(() => CampaignOrderInput, { nullable: true, description: 'Order of the list. Default: name, ascending.' })
  orderBy?: CampaignOrderInput;

  @Field(() => [String], { nullable: true, description: CHANNEL_FILTER })
  channel?: string[];

  @Field(() => String, { nullable: true, description: NAME_PREFIX })
  nameStartsWith?: string;

  @Field({ defaultValue: false, description: INCLUDE_DELETED })
  includeDeleted: boolean;
}
