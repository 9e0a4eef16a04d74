import { Field, ID, ObjectType } from 'type-graphql';
import { connectionType } from '../common/connection.type';
import { EXTERNAL_ID, GLOBAL_ID } from '../common/descriptions';
import { RecordedObject } from '../common/recorded.type';
import { Node } from '../node/node.interface';

@ObjectType('Account', {
  implements: Node,
  description: 'A company that buys or may buy: the home of leads (its buying committee) and of deals.',
})
export class AccountObject extends RecordedObject implements Node {
  @Field(() => ID, { description: GLOBAL_ID })
  id: string;

  @Field({ description: EXTERNAL_ID })
  externalId: string;

  @Field({ description: 'Company name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Web domain in lower case, e.g. acme.com.' })
  domain: string | null;

  @Field(() => String, { nullable: true, description: 'Market segment as the CRM names it, e.g. SMB, Mid-Market, Enterprise.' })
  segment: string | null;

  @Field(() => String, { nullable: true, description: 'Industry as the CRM names it, e.g. Software, Manufacturing.' })
  industry: string | null;

  @Field(() => String, { nullable: true, description: 'Company size band as the CRM names it, e.g. 51-200 employees.' })
  size: string | null;

  @Field(() => Date, { nullable: true, description: 'When the CRM merged this account into another (see mergedInto); null for a live record.' })
  mergedAt: Date | null;
}

export const AccountConnection = connectionType('Account', AccountObject, 'accounts');
