import { ArgsType, Field } from 'type-graphql';
import { INCLUDE_DELETED, NAME_PREFIX } from '../common/descriptions';
import { PageArgs } from '../common/page.args';
import { AccountOrderInput } from './account-order.input';

@ArgsType()
export class AccountsArgs extends PageArgs {
  @Field(() => AccountOrderInput, { nullable: true, description: 'Order of the list. Default: name, ascending.' })
  orderBy?: AccountOrderInput;

  @Field(() => String, { nullable: true, description: NAME_PREFIX })
  nameStartsWith?: string;

  @Field(() => String, { nullable: true, description: 'Only the account with this web domain, e.g. acme.com (case is ignored).' })
  domain?: string;

  @Field(() => [String], { nullable: true, description: 'Only these market segments (one or more), as the CRM names them.' })
  segment?: string[];

  @Field(() => [String], { nullable: true, description: 'Only these industries (one or more), as the CRM names them.' })
  industry?: string[];

  @Field({ defaultValue: false, description: INCLUDE_DELETED })
  includeDeleted: boolean;
}
