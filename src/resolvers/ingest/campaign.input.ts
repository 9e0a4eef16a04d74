import { Field, InputType } from 'type-graphql';
import { DATE, DELETED, EXTERNAL_ID, IDEMPOTENCY_KEY } from './common';

@InputType({ description: 'A marketing campaign. Items are full records: an omitted optional field is cleared.' })
export class CampaignItem {
  @Field({ description: EXTERNAL_ID })
  externalId: string;

  @Field({ description: 'Campaign name as marketers know it. At most 500 characters.' })
  name: string;

  @Field({
    description: 'Channel slug: lower case, digits and underscores (paid_search, paid_social, display, email, webinar, '
      + 'event, content, organic_search, social, referral, partner, direct, sales, other, or a new one, registered on first use).',
  })
  channel: string;

  @Field({ nullable: true, description: 'utm_source that identifies this campaign in links. At most 500 characters.' })
  utmSource?: string;

  @Field({ nullable: true, description: 'utm_medium that identifies this campaign in links. At most 500 characters.' })
  utmMedium?: string;

  @Field({ nullable: true, description: 'utm_campaign that identifies this campaign in links. At most 500 characters.' })
  utmCampaign?: string;

  @Field({ nullable: true, description: `First day of the campaign. ${DATE}` })
  startsOn?: string;

  @Field({ nullable: true, description: `Last day of the campaign (not before startsOn). ${DATE}` })
  endsOn?: string;

  @Field({ nullable: true, description: DELETED })
  deleted?: boolean;
}

@InputType({ description: 'A batch of campaigns to create or update.' })
export class UpsertCampaignsInput {
  @Field(() => [CampaignItem], { description: 'Up to 5,000 campaigns, keyed by externalId.' })
  campaigns: CampaignItem[];

  @Field({ nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
