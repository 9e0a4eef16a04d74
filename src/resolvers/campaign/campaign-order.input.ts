import { Field, InputType } from 'type-graphql';
import { CampaignOrderField } from '../../catalog/campaign.queries';
import { ORDER_DIRECTION } from '../common/descriptions';
import { OrderDirection, OrderInput } from '../common/order';

@InputType('CampaignOrder', { description: 'How to order campaigns; ties are broken by id in the same direction, so pages are stable.' })
export class CampaignOrderInput implements OrderInput<CampaignOrderField> {
  @Field(() => CampaignOrderField, { description: 'What to order by.' })
  field: CampaignOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: ORDER_DIRECTION })
  direction: OrderDirection;
}
