import { Field, InputType } from 'type-graphql';
import { AMOUNT, CURRENCY, DATE, DELETED, IDEMPOTENCY_KEY } from './common';

@InputType({ description: "A campaign's spend on one day. Sending a day again replaces its amount." })
export class CampaignCostItem {
  @Field({ description: 'externalId of the campaign; it must exist.' })
  campaignExternalId: string;

  @Field({ description: `The day of the spend. ${DATE}` })
  date: string;

  @Field({ description: `Spend. ${AMOUNT}` })
  amount: string;

  @Field({ description: CURRENCY })
  currency: string;

  @Field({ nullable: true, description: DELETED })
  deleted?: boolean;
}

@InputType({ description: 'A batch of campaign costs to record.' })
export class RecordCampaignCostsInput {
  @Field(() => [CampaignCostItem], { description: 'Up to 5,000 daily costs, keyed by campaign and date.' })
  costs: CampaignCostItem[];

  @Field({ nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
