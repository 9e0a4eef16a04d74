import { Field, InputType } from 'type-graphql';
import { LifecycleStage } from '../../database/enums';
import { DELETED, EXTERNAL_ID, IDEMPOTENCY_KEY, TIMESTAMP } from './common';

@InputType({ description: 'A person (contact) known to marketing or sales. Items are full records: an omitted optional field is cleared, except lifecycleStage, which is kept.' })
export class LeadItem {
  @Field({ description: EXTERNAL_ID })
  externalId: string;

  @Field({ nullable: true, description: "externalId of the lead's account (company); the account must exist." })
  accountExternalId?: string;

  @Field({ nullable: true, description: 'Email address, unique among leads ignoring case. At most 254 characters.' })
  email?: string;

  @Field({ nullable: true, description: 'Full name. At most 500 characters.' })
  name?: string;

  @Field({ description: `When the lead was created in the source system: the LEAD_CREATION milestone of attribution. ${TIMESTAMP}` })
  createdAt: Date;

  @Field(() => LifecycleStage, { nullable: true, description: 'Current lifecycle stage; LEAD for a new lead when omitted, unchanged for a known one. Each change is kept in the stage history.' })
  lifecycleStage?: LifecycleStage;

  @Field({ nullable: true, description: `When the lead entered lifecycleStage; default: createdAt for a new lead, the ingestion time for a change. ${TIMESTAMP}` })
  stageChangedAt?: Date;

  @Field({ nullable: true, description: DELETED })
  deleted?: boolean;
}

@InputType({ description: 'A batch of leads to create or update.' })
export class UpsertLeadsInput {
  @Field(() => [LeadItem], { description: 'Up to 5,000 leads, keyed by externalId.' })
  leads: LeadItem[];

  @Field({ nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
