import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { TouchType } from '../../database/enums';
import { DELETED, EXTERNAL_ID, IDEMPOTENCY_KEY, TIMESTAMP } from './common';

@InputType({ description: 'One interaction of a lead, or of a visitor not yet identified, with a campaign or channel. Items are full records: an omitted optional field is cleared.' })
export class TouchItem {
  @Field({ description: EXTERNAL_ID })
  externalId: string;

  @Field({ nullable: true, description: "externalId of the lead who interacted; the lead must exist (a merged lead's externalId lands on its survivor). Required unless visitorId is given." })
  leadExternalId?: string;

  @Field({ nullable: true, description: "The browser, device or cookie id the web analytics tool gave the visitor, instead of or as well as leadExternalId. Without a lead, the touch is anonymous until identifyVisitors links the visitor to a lead; a touch of an already linked visitor joins that lead's journey at once. At most 255 characters." })
  visitorId?: string;

  @Field({ nullable: true, description: 'externalId of the campaign, when the touch belongs to one; it must exist.' })
  campaignExternalId?: string;

  @Field({ nullable: true, description: "Channel slug; defaults to the campaign's channel, required without a campaign." })
  channel?: string;

  @Field(() => TouchType, { description: 'Kind of interaction.' })
  type: TouchType;

  @Field({ description: `When the interaction happened. ${TIMESTAMP}` })
  occurredAt: Date;

  @Field({ nullable: true, description: 'utm_source of the visit or click. At most 500 characters.' })
  utmSource?: string;

  @Field({ nullable: true, description: 'utm_medium of the visit or click. At most 500 characters.' })
  utmMedium?: string;

  @Field({ nullable: true, description: 'utm_campaign of the visit or click. At most 500 characters.' })
  utmCampaign?: string;

  @Field({ nullable: true, description: 'utm_content of the visit or click. At most 500 characters.' })
  utmContent?: string;

  @Field({ nullable: true, description: 'utm_term of the visit or click. At most 500 characters.' })
  utmTerm?: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Any other attributes from the source system, as a JSON object: at most 65,536 characters as JSON text, nested at most 26 levels (MAX_JSON_DEPTH).' })
  properties?: Record<string, unknown>;

  @Field({ nullable: true, description: DELETED })
  deleted?: boolean;
}

@InputType({ description: 'A batch of touches to record.' })
export class RecordTouchesInput {
  @Field(() => [TouchItem], { description: 'Up to 5,000 touches, keyed by externalId.' })
  touches: TouchItem[];

  @Field({ nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
