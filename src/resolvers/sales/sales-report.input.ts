import { Field, InputType, Int } from 'type-graphql';
import { AttributionModel } from '../../attribution/attribution-model';
import { FunnelGroupBy } from '../../sales/funnel.service';
import { SlaPeriod } from '../../sales/handoff-sla.service';
import { LeadSource } from '../../sales/lead-quality.service';

const FROM = 'Start of the period, inclusive (ISO 8601).';
const TO = 'End of the period, exclusive (ISO 8601).';
const TIME_ZONE = 'IANA time zone for period buckets and FX dates, e.g. Europe/Paris. Default UTC.';
const CURRENCY = 'ISO 4217 currency of money amounts; each deal converts exactly at the FX rate in force on its date. Default: REPORTING_CURRENCY.';

@InputType({ description: 'A funnel over the leads created in [from, to).' })
export class FunnelInput {
  @Field({ description: FROM })
  from: Date;

  @Field({ description: TO })
  to: Date;

  @Field(() => FunnelGroupBy, { defaultValue: FunnelGroupBy.CHANNEL, description: 'How the cohort is split. Default CHANNEL.' })
  groupBy: FunnelGroupBy;

  @Field({ nullable: true, description: TIME_ZONE })
  timeZone?: string;
}

@InputType({ description: 'The handoff SLA of the leads whose MQL time is in [from, to).' })
export class HandoffSlaInput {
  @Field({ description: FROM })
  from: Date;

  @Field({ description: TO })
  to: Date;

  @Field(() => SlaPeriod, { defaultValue: SlaPeriod.MONTH, description: 'Bucket of byPeriod. Default MONTH.' })
  period: SlaPeriod;

  @Field({ nullable: true, description: TIME_ZONE })
  timeZone?: string;
}

@InputType({ description: 'Lead quality of the leads created in [from, to), by source.' })
export class LeadQualityInput {
  @Field({ description: FROM })
  from: Date;

  @Field({ description: TO })
  to: Date;

  @Field(() => LeadSource, { defaultValue: LeadSource.CHANNEL, description: 'CHANNEL (default) or CAMPAIGN of the first touch, or INDUSTRY, SEGMENT or SIZE of the account.' })
  groupBy: LeadSource;

  @Field({ nullable: true, description: CURRENCY })
  currency?: string;

  @Field({ nullable: true, description: TIME_ZONE })
  timeZone?: string;
}

@InputType({ description: 'The shared KPIs of the period [from, to).' })
export class KpisInput {
  @Field({ description: FROM })
  from: Date;

  @Field({ description: TO })
  to: Date;

  @Field(() => AttributionModel, { defaultValue: AttributionModel.LINEAR, description: 'Attribution model of attributedMarketingRevenue and marketingRoi. Default LINEAR.' })
  model: AttributionModel;

  @Field({ nullable: true, description: CURRENCY })
  currency?: string;

  @Field({ nullable: true, description: TIME_ZONE })
  timeZone?: string;
}

@InputType({ description: 'How many neglected leads to list.' })
export class NeglectedLeadsInput {
  @Field(() => Int, { defaultValue: 50, description: 'How many, 1 to 500. Default 50.' })
  limit: number;
}
