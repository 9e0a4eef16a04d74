import { Field, InputType } from 'type-graphql';
import { DealStatus } from '../../database/enums';
import { AMOUNT, CURRENCY, DELETED, EXTERNAL_ID, IDEMPOTENCY_KEY, TIMESTAMP } from './common';

@InputType({ description: 'A lead who takes part in a deal.' })
export class DealContactItem {
  @Field({ description: 'externalId of the lead; the lead must exist.' })
  leadExternalId: string;

  @Field({ nullable: true, description: 'True for the primary contact. Exactly one contact is primary; a lone contact is primary by default.' })
  primary?: boolean;
}

@InputType({ description: 'A deal (opportunity). Items are full records: an omitted optional field is cleared.' })
export class DealItem {
  @Field({ description: EXTERNAL_ID })
  externalId: string;

  @Field({ description: 'Deal name. At most 500 characters.' })
  name: string;

  @Field({ nullable: true, description: "externalId of the buying account; it must exist." })
  accountExternalId?: string;

  @Field({ description: `Deal value. ${AMOUNT}` })
  amount: string;

  @Field({ description: CURRENCY })
  currency: string;

  @Field(() => DealStatus, { description: 'OPEN, WON or LOST.' })
  status: DealStatus;

  @Field({ nullable: true, description: 'Pipeline stage name in the CRM, e.g. Discovery, Proposal, Negotiation. At most 200 characters.' })
  stage?: string;

  @Field({ nullable: true, description: 'Deal owner (sales rep) as named in the CRM. At most 200 characters.' })
  owner?: string;

  @Field({ description: `When the deal was created: the OPPORTUNITY_CREATION milestone. ${TIMESTAMP}` })
  createdAt: Date;

  @Field({ nullable: true, description: `When the deal was won or lost: required for WON and LOST, empty for OPEN, not before createdAt. ${TIMESTAMP}` })
  closedAt?: Date;

  @Field({ nullable: true, description: `When this status, stage and amount took effect, for the deal history; default: closedAt when the deal just closed, else the ingestion time. ${TIMESTAMP}` })
  changedAt?: Date;

  @Field(() => [DealContactItem], { nullable: true, description: "The deal's contacts. When given, it replaces the stored list; when omitted, the stored list is kept." })
  contacts?: DealContactItem[];

  @Field({ nullable: true, description: DELETED })
  deleted?: boolean;
}

@InputType({ description: 'A batch of deals to create or update.' })
export class UpsertDealsInput {
  @Field(() => [DealItem], { description: 'Up to 5,000 deals, keyed by externalId.' })
  deals: DealItem[];

  @Field({ nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
