import { Field, ObjectType } from 'type-graphql';

/**
 * The bookkeeping fields of every ingested record, inherited by their types. Never referenced by a
 * field, so it stays out of the schema itself.
 */
@ObjectType()
export abstract class RecordedObject {
  @Field({ description: 'When this record was first received by this service (UTC), not when it happened in the source system.' })
  recordedAt: Date;

  @Field({ description: 'When this record last changed in this service (UTC).' })
  updatedAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When the record was soft-deleted (UTC); null while it is live. Lists leave soft-deleted records out '
      + 'unless includeDeleted is true; a relation to a single record (such as touch.campaign) still shows it.',
  })
  deletedAt: Date | null;
}
