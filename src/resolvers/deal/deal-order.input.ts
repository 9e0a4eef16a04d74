import { Field, InputType } from 'type-graphql';
import { DealOrderField } from '../../catalog/deal.queries';
import { ORDER_DIRECTION } from '../common/descriptions';
import { OrderDirection, OrderInput } from '../common/order';

@InputType('DealOrder', { description: 'How to order deals; ties are broken by id in the same direction, so pages are stable.' })
export class DealOrderInput implements OrderInput<DealOrderField> {
  @Field(() => DealOrderField, { description: 'What to order by.' })
  field: DealOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: ORDER_DIRECTION })
  direction: OrderDirection;
}
