import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { connectionType } from '../common/connection.type';
import { CHANNEL, EXTERNAL_ID, GLOBAL_ID } from '../common/descriptions';
import { RecordedObject } from '../common/recorded.type';
import { Node } from '../node/node.interface';

@ObjectType('Campaign', {
  implements: Node,
  description: 'A marketing campaign: a named effort in one channel (an ad campaign, a webinar, a newsletter) that touches '
    + 'leads and costs money.',
})
export class CampaignObject extends RecordedObject implements Node {
  @Field(() => ID, { description: GLOBAL_ID })
  id: string;

  @Field({ description: EXTERNAL_ID })
  externalId: string;

  @Field({ description: 'Campaign name as marketers know it.' })
  name: string;

  @Field({ description: `The campaign's channel. ${CHANNEL}` })
  channel: string;

  @Field(() => String, { nullable: true, description: 'utm_source that identifies this campaign in links.' })
  utmSource: string | null;

  @Field(() => String, { nullable: true, description: 'utm_medium that identifies this campaign in links.' })
  utmMedium: string | null;

  @Field(() => String, { nullable: true, description: 'utm_campaign that identifies this campaign in links.' })
  utmCampaign: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'First day of the campaign (calendar date, no time zone).' })
  startsOn: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day of the campaign, included (calendar date, no time zone).' })
  endsOn: string | null;
}

export const CampaignConnection = connectionType('Campaign', CampaignObject, 'campaigns');
