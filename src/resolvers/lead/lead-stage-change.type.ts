import { Field, ObjectType } from 'type-graphql';
import { LifecycleStage } from '../../database/enums';
import { connectionType } from '../common/connection.type';

@ObjectType('LeadStageChange', { description: "One change of a lead's lifecycle stage." })
export class LeadStageChangeObject {
  @Field(() => LifecycleStage, { nullable: true, description: 'The stage before the change; null for the first stage of a new lead.' })
  fromStage: LifecycleStage | null;

  @Field(() => LifecycleStage, { description: 'The stage the lead entered.' })
  toStage: LifecycleStage;

  @Field({ description: 'When the lead entered toStage (UTC), as the source system reported it.' })
  changedAt: Date;

  @Field({ description: 'When this service recorded the change (UTC).' })
  recordedAt: Date;
}

export const LeadStageChangeConnection = connectionType('LeadStageChange', LeadStageChangeObject, 'lifecycle stage changes');
