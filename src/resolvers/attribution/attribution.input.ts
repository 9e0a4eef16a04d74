import { Field, Float, InputType, Int } from 'type-graphql';
import { AttributionModel } from '../../attribution/attribution-model';
import { ConversionBasis } from '../../attribution/journey';
import { ContactsRule, Dimension } from '../../reports/report-scope';

@InputType({ description: 'Weights of a CUSTOM model per position; omitted positions weigh 0. Non-negative, summing to 1.' })
export class PositionWeightsInput {
  @Field(() => Float, { nullable: true, description: 'Weight of the first touch.' })
  first?: number;

  @Field(() => Float, { nullable: true, description: 'Weight of the last touch.' })
  last?: number;

  @Field(() => Float, { nullable: true, description: 'Weight of the last touch at or before the earliest createdAt of the contacts.' })
  leadCreation?: number;

  @Field(() => Float, { nullable: true, description: "Weight of the last touch at or before the deal's createdAt." })
  opportunityCreation?: number;

  @Field(() => Float, { nullable: true, description: "Weight of the last touch at or before the deal's closedAt (revenue reports only)." })
  closed?: number;

  @Field(() => Float, { nullable: true, description: 'Weight split equally over the touches that hold no position.' })
  middle?: number;
}

/** How journeys are built and credited: shared by reports and a deal's journey. */
@InputType()
export class JourneyOptionsInput {
  @Field({ nullable: true, description: 'IANA time zone for period buckets and conversion dates (FX rates), e.g. Europe/Paris. Default UTC.' })
  timeZone?: string;

  @Field(() => Int, { nullable: true, description: 'Only touches at most this many days before the conversion time count. Default: no limit. 0 to 3650.' })
  lookbackDays?: number;

  @Field(() => ContactsRule, { nullable: true, description: 'Whose touches make the journey. Default DEAL_CONTACTS.' })
  contacts?: ContactsRule;

  @Field(() => [String], { nullable: true, description: 'Only touches on these channel slugs count (others are left out of journeys).' })
  includeChannels?: string[];

  @Field(() => [String], { nullable: true, description: 'Touches on these channel slugs are left out of journeys.' })
  excludeChannels?: string[];

  @Field(() => [String], { nullable: true, description: 'Only touches of these campaigns (externalIds) count.' })
  includeCampaigns?: string[];

  @Field(() => [String], { nullable: true, description: 'Touches of these campaigns (externalIds) are left out of journeys.' })
  excludeCampaigns?: string[];

  @Field(() => [String], { nullable: true, description: 'Channels LAST_NON_DIRECT treats as direct. Default ["direct"].' })
  directChannels?: string[];

  @Field({ nullable: true, description: 'Merge consecutive touches with the same grouping key into the first of them before applying the model. Default false for rule-based models, true for data-driven ones.' })
  collapseRepeats?: boolean;

  @Field(() => Float, { nullable: true, description: 'TIME_DECAY half-life in days (a touch this much older earns half). Default 7.' })
  halfLifeDays?: number;

  @Field({ nullable: true, description: 'ISO 4217 currency of the report; deals and costs convert at the FX rate in force on their date. Default: REPORTING_CURRENCY.' })
  currency?: string;
}

/** The period and grouping of a report. */
@InputType()
export class ReportOptionsInput extends JourneyOptionsInput {
  @Field(() => ConversionBasis, { nullable: true, description: 'REVENUE (default): won deals closed in the period. PIPELINE: deals created in it.' })
  basis?: ConversionBasis;

  @Field({ nullable: true, description: 'Start of the period, inclusive, on the conversion time (ISO 8601). Default: no lower bound.' })
  from?: Date;

  @Field({ nullable: true, description: 'End of the period, exclusive, on the conversion time (ISO 8601). Default: no upper bound.' })
  to?: Date;

  @Field(() => [Dimension], { nullable: true, description: 'One or two dimensions to group rows by, e.g. [CHANNEL], [CHANNEL, MONTH] for a time series or [SEGMENT, CHANNEL] per account segment. Default [CHANNEL]. Data-driven models take [CHANNEL] or [CAMPAIGN].' })
  groupBy?: Dimension[];

  @Field(() => Int, { nullable: true, description: 'MARKOV only: how many consecutive keys make a state, 1 to 4. Default 1.' })
  order?: number;
}

@InputType({ description: 'What an attribution report covers and how credit is computed.' })
export class AttributionInput extends ReportOptionsInput {
  @Field(() => AttributionModel, { description: 'The attribution model.' })
  model: AttributionModel;

  @Field(() => PositionWeightsInput, { nullable: true, description: 'Position weights; required for CUSTOM, refused for other models.' })
  weights?: PositionWeightsInput;
}

@InputType({ description: 'Several models over the same deals, side by side.' })
export class CompareModelsInput extends ReportOptionsInput {
  @Field(() => [AttributionModel], { description: 'The models to compare (1 to 15 distinct).' })
  models: AttributionModel[];

  @Field(() => PositionWeightsInput, { nullable: true, description: 'Position weights for CUSTOM, when it is among the models.' })
  weights?: PositionWeightsInput;
}

@InputType({ description: "Which models to credit a deal's journey with, and how the journey is built." })
export class DealJourneyInput extends JourneyOptionsInput {
  @Field(() => [AttributionModel], { nullable: true, description: 'Models whose credit each touch shows, in this order. Default [LINEAR].' })
  models?: AttributionModel[];

  @Field(() => PositionWeightsInput, { nullable: true, description: 'Position weights for CUSTOM, when it is among the models.' })
  weights?: PositionWeightsInput;

  @Field(() => ConversionBasis, { nullable: true, description: 'REVENUE (default; t* = closedAt) applies to won deals; other deals always use PIPELINE (t* = createdAt).' })
  basis?: ConversionBasis;
}
