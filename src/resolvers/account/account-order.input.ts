import { Field, InputType } from 'type-graphql';
import { AccountOrderField } from '../../catalog/account.queries';
import { ORDER_DIRECTION } from '../common/descriptions';
import { OrderDirection, OrderInput } from '../common/order';

@InputType('AccountOrder', { description: 'How to order accounts; ties are broken by id in the same direction, so pages are stable.' })
export class AccountOrderInput implements OrderInput<AccountOrderField> {
  @Field(() => AccountOrderField, { description: 'What to order by.' })
  field: AccountOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: ORDER_DIRECTION })
  direction: OrderDirection;
}
