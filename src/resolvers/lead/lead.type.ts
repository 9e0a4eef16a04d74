import { Field, ID, ObjectType } from 'type-graphql';
import { LifecycleStage } from '../../database/enums';
import { connectionType } from '../common/connection.type';
import { EXTERNAL_ID, GLOBAL_ID } from '../common/descriptions';
import { RecordedObject } from '../common/recorded.type';
import { Node } from '../node/node.interface';

@ObjectType('Lead', {
  implements: Node,
  description: 'A person (contact) known to marketing or sales, usually working for an account. Leads are touched by '
    + 'campaigns and take part in deals.',
})
export class LeadObject extends RecordedObject implements Node {
  @Field(() => ID, { description: GLOBAL_ID })
  id: string;

  @Field({ description: EXTERNAL_ID })
  externalId: string;

  @Field(() => String, { nullable: true, description: 'Email address (unique among live leads, ignoring case).' })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Full name.' })
  name: string | null;

  @Field({ description: 'When the lead was created in the source system (UTC): the LEAD_CREATION milestone of attribution.' })
  createdAt: Date;

  @Field(() => LifecycleStage, { description: 'Current lifecycle stage.' })
  lifecycleStage: LifecycleStage;

  @Field({ description: 'When the lead entered its current lifecycle stage (UTC).' })
  stageChangedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the CRM merged this lead into another (see mergedInto); null for a live record.' })
  mergedAt: Date | null;
}

export const LeadConnection = connectionType('Lead', LeadObject, 'leads');
