import { Field, InputType } from 'type-graphql';
import { LeadOrderField } from '../../catalog/lead.queries';
import { ORDER_DIRECTION } from '../common/descriptions';
import { OrderDirection, OrderInput } from '../common/order';

@InputType('LeadOrder', { description: 'How to order leads; ties are broken by id in the same direction, so pages are stable.' })
export class LeadOrderInput implements OrderInput<LeadOrderField> {
  @Field(() => LeadOrderField, { description: 'What to order by.' })
  field: LeadOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: ORDER_DIRECTION })
  direction: OrderDirection;
}
