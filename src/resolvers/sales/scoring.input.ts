import { Field, Float, InputType, Int } from 'type-graphql';
import { TouchType } from '../../database/enums';
import { FitAttribute } from '../../sales/lead-scoring.service';

@InputType({ description: 'Points for touches of a type and/or channel. At least one of touchType and channel is required.' })
export class ScoringRuleInput {
  @Field(() => TouchType, { nullable: true, description: 'Touches of this type match; omit to match any type.' })
  touchType?: TouchType;

  @Field(() => String, { nullable: true, description: 'Touches on this channel slug match; omit to match any channel.' })
  channel?: string;

  @Field(() => Float, { description: 'Points a matching touch earns when it happens (negative points lower the score).' })
  points: number;
}

@InputType({ description: 'Fit points for leads whose account has an attribute equal to a value.' })
export class FitRuleInput {
  @Field(() => FitAttribute, { description: 'The account attribute compared.' })
  attribute: FitAttribute;

  @Field({ description: 'The value it must equal (exact match).' })
  value: string;

  @Field(() => Float, { description: 'Points the lead holds while its account matches; they do not decay.' })
  points: number;
}

@InputType({ description: 'A complete scoring configuration; it replaces the current one as a new version.' })
export class SetScoringRulesInput {
  @Field(() => [ScoringRuleInput], { description: 'Touch rules (at most 500); distinct (touchType, channel) pairs.' })
  rules: ScoringRuleInput[];

  @Field(() => [FitRuleInput], { defaultValue: [], description: 'Fit rules (at most 500); distinct (attribute, value) pairs. Default none.' })
  fitRules: FitRuleInput[];

  @Field(() => Float, { description: 'A lead is sales-ready while its score is at least this; greater than 0.' })
  threshold: number;

  @Field(() => Float, { nullable: true, description: 'Half-life of touch points in days: a touch this old counts half. Omit for no decay.' })
  decayHalfLifeDays?: number;

  @Field(() => Float, { defaultValue: 24, description: 'Hours sales has from a lead\'s MQL time to its first sales touch. Default 24.' })
  slaHours: number;

  @Field(() => [String], { defaultValue: ['sales', 'direct'], description: 'Channel slugs that are not marketing, for the KPIs. Default ["sales", "direct"].' })
  nonMarketingChannels: string[];
}

@InputType({ description: 'Which leads to list by score.' })
export class LeadsByScoreInput {
  @Field({ nullable: true, description: 'Only sales-ready leads (true) or only the others (false). Default: both.' })
  salesReady?: boolean;

  @Field(() => Float, { nullable: true, description: 'Only leads whose current score is at least this.' })
  minScore?: number;

  @Field(() => Int, { defaultValue: 50, description: 'How many leads, 1 to 500. Default 50.' })
  limit: number;
}
