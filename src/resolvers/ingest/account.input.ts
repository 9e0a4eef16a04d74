import { Field, InputType } from 'type-graphql';
import { DELETED, EXTERNAL_ID, IDEMPOTENCY_KEY } from './common';

@InputType({ description: 'A company that buys (or may buy). Items are full records: an omitted optional field is cleared.' })
export class AccountItem {
  @Field({ description: EXTERNAL_ID })
  externalId: string;

  @Field({ description: 'Company name. At most 500 characters.' })
  name: string;

  @Field({ nullable: true, description: 'Web domain, e.g. acme.com (stored in lower case). At most 255 characters.' })
  domain?: string;

  @Field({ nullable: true, description: 'Market segment, e.g. SMB, Mid-Market, Enterprise. At most 200 characters.' })
  segment?: string;

  @Field({ nullable: true, description: 'Industry, e.g. Software, Manufacturing. At most 200 characters.' })
  industry?: string;

  @Field({ nullable: true, description: 'Company size band, e.g. 51-200 employees. At most 200 characters.' })
  size?: string;

  @Field({ nullable: true, description: DELETED })
  deleted?: boolean;
}

@InputType({ description: 'A batch of accounts to create or update.' })
export class UpsertAccountsInput {
  @Field(() => [AccountItem], { description: 'Up to 5,000 accounts, keyed by externalId.' })
  accounts: AccountItem[];

  @Field({ nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
