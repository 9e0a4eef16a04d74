import { Field, InputType } from 'type-graphql';
import { IDEMPOTENCY_KEY, TIMESTAMP } from './common';

@InputType({ description: 'The identification of a visitor as a lead, typically by a form fill or a click in an email.' })
export class VisitorLinkItem {
  @Field({ description: 'The browser, device or cookie id that touches carry as visitorId. At most 255 characters.' })
  visitorId: string;

  @Field({ description: "externalId of the lead the visitor turned out to be; the lead must exist (a merged lead's externalId lands on its survivor)." })
  leadExternalId: string;

  @Field({ description: `When the visitor was identified. A visitor already linked to another lead moves only if this is later than that link. ${TIMESTAMP}` })
  identifiedAt: Date;
}

@InputType({ description: 'A batch of visitor identifications.' })
export class IdentifyVisitorsInput {
  @Field(() => [VisitorLinkItem], { description: 'Up to 5,000 links, one per visitorId.' })
  links: VisitorLinkItem[];

  @Field({ nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
