import { Field, ObjectType } from 'type-graphql';
import { LeadObject } from '../lead/lead.type';

@ObjectType('DealContact', { description: 'A lead taking part in a deal (a member of the buying committee).' })
export class DealContactObject {
  @Field(() => LeadObject, { description: 'The contact.' })
  lead: LeadObject;

  @Field({ description: "True for the deal's primary contact; a deal with contacts has exactly one." })
  isPrimary: boolean;

  @Field({ description: 'When this service recorded the lead as a contact of the deal (UTC).' })
  addedAt: Date;
}
