import { Field, ID, ObjectType } from 'type-graphql';
import { DealStatus } from '../../database/enums';
import { connectionType } from '../common/connection.type';
import { EXTERNAL_ID, GLOBAL_ID } from '../common/descriptions';
import { MoneyObject } from '../common/money.type';
import { RecordedObject } from '../common/recorded.type';
import { Node } from '../node/node.interface';

@ObjectType('Deal', {
  implements: Node,
  description: 'A sales opportunity with an account: its value, status and contacts. Won deals are the revenue that '
    + 'attribution credits to touches.',
})
export class DealObject extends RecordedObject implements Node {
  @Field(() => ID, { description: GLOBAL_ID })
  id: string;

  @Field({ description: EXTERNAL_ID })
  externalId: string;

  @Field({ description: 'Deal name.' })
  name: string;

  @Field(() => MoneyObject, { description: 'Deal value in its own currency (no conversion).' })
  amount: MoneyObject;

  @Field(() => DealStatus, { description: 'OPEN, WON or LOST.' })
  status: DealStatus;

  @Field(() => String, { nullable: true, description: 'Pipeline stage name in the CRM, e.g. Discovery, Proposal, Negotiation.' })
  stage: string | null;

  @Field(() => String, { nullable: true, description: 'Deal owner (sales rep) as named in the CRM.' })
  owner: string | null;

  @Field({ description: 'When the deal was created in the CRM (UTC): the OPPORTUNITY_CREATION milestone, and the conversion time of pipeline reports.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the deal was won or lost (UTC): the conversion time of revenue reports. Null while OPEN.' })
  closedAt: Date | null;
}

export const DealConnection = connectionType('Deal', DealObject, 'deals');
