import { Field, InputType } from 'type-graphql';
import { TouchOrderField } from '../../catalog/touch.queries';
import { ORDER_DIRECTION } from '../common/descriptions';
import { OrderDirection, OrderInput } from '../common/order';

@InputType('TouchOrder', { description: 'How to order touches; ties are broken by id in the same direction, so pages are stable.' })
export class TouchOrderInput implements OrderInput<TouchOrderField> {
  @Field(() => TouchOrderField, { description: 'What to order by.' })
  field: TouchOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: ORDER_DIRECTION })
  direction: OrderDirection;
}
