import { ArgsType, Field, Int } from 'type-graphql';

/** Relay pagination arguments; checked by pageRequest (1 to 100 items, 20 by default). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page forward: this many items (1 to 100; 20 when neither first nor last is given).' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Page forward: start after the item with this cursor (endCursor of the previous page).' })
  after?: string;

  @Field(() => Int, { nullable: true, description: 'Page backward: this many items (1 to 100), the last ones before the before cursor, or the last of the list.' })
  last?: number;

  @Field(() => String, { nullable: true, description: 'Page backward: end before the item with this cursor (startCursor of the following page).' })
  before?: string;
}
