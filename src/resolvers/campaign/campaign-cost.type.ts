import { LocalDateResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { connectionType } from '../common/connection.type';
import { MoneyObject } from '../common/money.type';

@ObjectType('CampaignCost', { description: "A campaign's spend on one calendar day." })
export class CampaignCostObject {
  @Field(() => LocalDateResolver, { description: 'The day of the spend (calendar date, as reported by the ad platform).' })
  date: string;

  @Field(() => MoneyObject, { description: 'Spend on that day.' })
  amount: MoneyObject;

  @Field({ description: 'When this cost was first received by this service (UTC).' })
  recordedAt: Date;

  @Field({ description: 'When this cost last changed in this service (UTC).' })
  updatedAt: Date;
}

export const CampaignCostConnection = connectionType('CampaignCost', CampaignCostObject, 'daily campaign costs');
