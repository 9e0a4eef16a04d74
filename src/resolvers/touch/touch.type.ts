import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { TouchType } from '../../database/enums';
import { connectionType } from '../common/connection.type';
import { CHANNEL, EXTERNAL_ID, GLOBAL_ID } from '../common/descriptions';
import { RecordedObject } from '../common/recorded.type';
import { Node } from '../node/node.interface';

@ObjectType('Touch', {
  implements: Node,
  description: 'One interaction of a lead, or of an anonymous visitor, with marketing or sales (an ad click, a webinar, '
    + 'a sales call): the steps of a journey that attribution credits.',
})
export class TouchObject extends RecordedObject implements Node {
  @Field(() => ID, { description: GLOBAL_ID })
  id: string;

  @Field({ description: EXTERNAL_ID })
  externalId: string;

  @Field({ description: 'When the interaction happened (UTC).' })
  occurredAt: Date;

  @Field({ description: `The channel of the touch (the campaign's channel unless the source said otherwise). ${CHANNEL}` })
  channel: string;

  @Field(() => TouchType, { description: 'What kind of interaction it was.' })
  type: TouchType;

  @Field(() => String, { nullable: true, description: 'utm_source of the visit or click.' })
  utmSource: string | null;

  @Field(() => String, { nullable: true, description: 'utm_medium of the visit or click.' })
  utmMedium: string | null;

  @Field(() => String, { nullable: true, description: 'utm_campaign of the visit or click.' })
  utmCampaign: string | null;

  @Field(() => String, { nullable: true, description: 'utm_content of the visit or click.' })
  utmContent: string | null;

  @Field(() => String, { nullable: true, description: 'utm_term of the visit or click (the search keyword).' })
  utmTerm: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Any other attributes from the source system, as a JSON object.' })
  properties: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'The browser, device or cookie id of the visitor, when the source gave one.' })
  visitorId: string | null;
}

export const TouchConnection = connectionType('Touch', TouchObject, 'touches');
