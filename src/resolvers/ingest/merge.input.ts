import { Field, InputType } from 'type-graphql';
import { IDEMPOTENCY_KEY, TIMESTAMP } from './common';

@InputType({ description: 'One merge of duplicate records, as the CRM did it: the merged record lives on in its survivor.' })
export class MergeItem {
  @Field({ description: 'externalId of the record that remains. If it was itself merged since, its own survivor is used.' })
  survivorExternalId: string;

  @Field({ description: 'externalId of the duplicate that disappears into the survivor. It stays readable, soft-deleted, with mergedInto.' })
  mergedExternalId: string;

  @Field({ description: `When the CRM merged them; the merged record's deletedAt and mergedAt. ${TIMESTAMP}` })
  mergedAt: Date;
}

@InputType({ description: 'A batch of lead merges.' })
export class MergeLeadsInput {
  @Field(() => [MergeItem], { description: 'Up to 5,000 merges, each merged lead once. Chains (A into B, B into C) end in C, in any order, at most 10 merges in a row within one batch; a cycle is refused.' })
  merges: MergeItem[];

  @Field({ nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: 'A batch of account merges.' })
export class MergeAccountsInput {
  @Field(() => [MergeItem], { description: 'Up to 5,000 merges, each merged account once. Chains (A into B, B into C) end in C, in any order, at most 10 merges in a row within one batch; a cycle is refused.' })
  merges: MergeItem[];

  @Field({ nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
