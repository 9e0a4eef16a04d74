import { Field, Int, ObjectType } from 'type-graphql';
import { UserErrorCode } from '../../ingest/user-error';

@ObjectType({ description: 'One refused field of one item in an ingestion batch.' })
export class UserError {
  @Field(() => [String], {
    description: 'Where the problem is, from the input: the list field, the item index (from 0) and the field, '
      + 'e.g. ["touches", "3", "leadExternalId"] or ["deals", "0", "contacts", "1", "leadExternalId"].',
  })
  path: string[];

  @Field({ description: 'What is wrong, in words a person can act on.' })
  message: string;

  @Field(() => UserErrorCode, { description: 'The kind of problem, stable for programs.' })
  code: UserErrorCode;
}

@ObjectType({
  description: 'The outcome of an ingestion batch. Batches are all-or-nothing: when userErrors is not empty, '
    + 'nothing was written and all counts are 0.',
})
export class IngestPayload {
  @Field(() => Int, { description: 'Items that did not exist before and were inserted.' })
  created: number;

  @Field(() => Int, { description: 'Items that existed and had at least one value changed.' })
  updated: number;

  @Field(() => Int, { description: 'Items that existed with exactly these values (a replayed batch is all unchanged).' })
  unchanged: number;

  @Field(() => [UserError], { description: 'Every problem found in the batch; empty when the batch was written.' })
  userErrors: UserError[];
}
