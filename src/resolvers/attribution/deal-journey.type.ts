import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AttributionModel } from '../../attribution/attribution-model';
import { ConversionBasis } from '../../attribution/journey';
import { MoneyObject } from '../common/money.type';

export enum JourneyMilestone {
  FIRST = 'FIRST',
  LAST = 'LAST',
  LEAD_CREATION = 'LEAD_CREATION',
  OPPORTUNITY_CREATION = 'OPPORTUNITY_CREATION',
  CLOSED = 'CLOSED',
}

registerEnumType(JourneyMilestone, {
  name: 'JourneyMilestone',
  description: 'A milestone position of a journey: the touch that holds it gets the position\'s weight in position models.',
  valuesConfig: {
    FIRST: { description: 'The first touch of the journey.' },
    LAST: { description: 'The last touch of the journey (at or before t*).' },
    LEAD_CREATION: { description: 'The last touch at or before the earliest createdAt of the journey\'s contacts.' },
    OPPORTUNITY_CREATION: { description: 'The last touch at or before the deal\'s createdAt.' },
    CLOSED: { description: 'The last touch at or before the deal\'s closedAt (revenue view of won deals only).' },
  },
});

@ObjectType({ description: 'A touch\'s credit under one model.' })
export class TouchCredit {
  @Field(() => AttributionModel, { description: 'The model.' })
  model: AttributionModel;

  @Field(() => Float, { description: 'The touch\'s share of the deal, from 0 to 1; the shares of a journey sum to 1.' })
  share: number;

  @Field(() => MoneyObject, { description: 'The touch\'s credit in the journey\'s currency: the deal\'s amount split by largest remainder, so a journey\'s credits sum exactly to the amount.' })
  amount: MoneyObject;
}

@ObjectType({ description: 'One touch of a deal\'s journey, with its milestones and credits.' })
export class JourneyStep {
  @Field(() => Int, { description: 'Position in the journey, from 1, in (occurredAt, id) order.' })
  position: number;

  @Field({ description: 'When the touch happened (UTC).' })
  occurredAt: Date;

  @Field({ description: 'The touch\'s channel slug.' })
  channel: string;

  @Field(() => [JourneyMilestone], { description: 'Milestone positions this touch holds (empty for a middle touch).' })
  milestones: JourneyMilestone[];

  @Field(() => [TouchCredit], { description: 'Credit under each requested model, in the order asked.' })
  credits: TouchCredit[];

  /** Row ids for the touch and campaign field resolvers. */
  touchId: string;
  campaignId: string | null;
}

@ObjectType({ description: 'A deal traced back to its leads and campaigns: the touches of its contacts up to its conversion time, in order, with each touch\'s credit.' })
export class DealJourney {
  @Field(() => ConversionBasis, { description: 'REVENUE (t* = closedAt, won deals) or PIPELINE (t* = createdAt).' })
  basis: ConversionBasis;

  @Field({ description: 'The conversion time t* (UTC).' })
  conversionAt: Date;

  @Field(() => MoneyObject, { description: 'The deal\'s amount in the journey\'s currency, converted at the FX rate of its conversion date.' })
  amount: MoneyObject;

  @Field(() => [AttributionModel], { description: 'The models credited, in order.' })
  models: AttributionModel[];

  @Field(() => [JourneyStep], { description: 'The journey\'s touches in time order. Empty when no touch qualifies: the deal is then unattributed.' })
  steps: JourneyStep[];
}
