import { Field, ObjectType } from 'type-graphql';
import { DealStatus } from '../../database/enums';
import { connectionType } from '../common/connection.type';
import { MoneyObject } from '../common/money.type';

@ObjectType('DealChange', { description: 'One observed state of a deal, recorded whenever its status, stage or amount changed.' })
export class DealChangeObject {
  @Field({ description: 'When this state took effect (UTC), as the source system reported it or as ingested.' })
  changedAt: Date;

  @Field(() => DealStatus, { description: 'Status from changedAt on.' })
  status: DealStatus;

  @Field(() => String, { nullable: true, description: 'Pipeline stage from changedAt on.' })
  stage: string | null;

  @Field(() => MoneyObject, { description: 'Deal value from changedAt on, in the currency it had then.' })
  amount: MoneyObject;

  @Field({ description: 'When this service recorded the change (UTC).' })
  recordedAt: Date;
}

export const DealChangeConnection = connectionType('DealChange', DealChangeObject, 'deal changes');
