import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { LeadRow } from '../../catalog/lead.queries';
import { TouchType } from '../../database/enums';
import { FitAttribute } from '../../sales/lead-scoring.service';
import { UserError } from '../ingest/ingest.payload';
import { LeadObject } from '../lead/lead.type';

@ObjectType('ScoringRule', { description: 'Points for touches of a type and/or channel. A touch earns the points of its most specific matching rule: type and channel, else type only, else channel only.' })
export class ScoringRuleObject {
  @Field(() => TouchType, { nullable: true, description: 'The touch type matched; null matches any type.' })
  touchType: TouchType | null;

  @Field(() => String, { nullable: true, description: 'The channel slug matched; null matches any channel.' })
  channel: string | null;

  @Field(() => Float, { description: 'Points a matching touch earns when it happens.' })
  points: number;
}

@ObjectType('FitRule', { description: 'Points a lead holds while its account has attribute = value.' })
export class FitRuleObject {
  @Field(() => FitAttribute, { description: 'The account attribute compared.' })
  attribute: FitAttribute;

  @Field({ description: 'The value it must equal.' })
  value: string;

  @Field(() => Float, { description: 'Points; they do not decay.' })
  points: number;
}

@ObjectType('ScoringRuleSet', {
  description: 'One version of the scoring configuration. Versions are never edited: setScoringRules records a new one and '
    + 'rescores every lead, so each score names the version that produced it. A lead\'s score at time t = fit points + the sum, '
    + 'over its touches up to t, of points x 2^(-(t - occurredAt) / decayHalfLifeDays) (x 1 without decay).',
})
export class ScoringRuleSetObject {
  @Field(() => Int, { description: 'Version number, increasing from 1.' })
  version: number;

  @Field(() => Float, { description: 'Sales-ready threshold: a lead is sales-ready while its score is at least this.' })
  threshold: number;

  @Field(() => Float, { nullable: true, description: 'Half-life of touch points in days; null for no decay.' })
  decayHalfLifeDays: number | null;

  @Field(() => Float, { description: 'Handoff SLA: hours from MQL time to the first sales touch.' })
  slaHours: number;

  @Field(() => [String], { description: 'Channel slugs that are not marketing (KPIs "sourced" and "influenced").' })
  nonMarketingChannels: string[];

  @Field({ description: 'When this version was recorded (UTC).' })
  recordedAt: Date;

  @Field(() => [ScoringRuleObject], { description: 'Touch rules.' })
  rules: ScoringRuleObject[];

  @Field(() => [FitRuleObject], { description: 'Fit rules.' })
  fitRules: FitRuleObject[];
}

@ObjectType({ description: 'The outcome of setScoringRules. When userErrors is not empty nothing changed and ruleSet is null.' })
export class SetScoringRulesPayload {
  @Field(() => ScoringRuleSetObject, { nullable: true, description: 'The new version, now in force.' })
  ruleSet: ScoringRuleSetObject | null;

  @Field(() => Int, { description: 'How many leads were rescored under it (all of them).' })
  rescoredLeads: number;

  @Field(() => [UserError], { description: 'Every problem found in the input; empty on success.' })
  userErrors: UserError[];
}

@ObjectType('ScoredTouch', { description: 'What one touch of a lead contributes to its score.' })
export class ScoredTouchObject {
  @Field(() => ID, { description: 'Global id of the touch (pass it to node(id:)).' })
  touchId: string;

  @Field({ description: 'When the touch happened (UTC).' })
  occurredAt: Date;

  @Field(() => TouchType, { description: 'The touch type.' })
  type: TouchType;

  @Field({ description: 'The touch channel slug.' })
  channel: string;

  @Field(() => ScoringRuleObject, { nullable: true, description: 'The rule it matched; null when none did (it earns nothing).' })
  rule: ScoringRuleObject | null;

  @Field(() => Float, { description: 'Points it earned when it happened.' })
  points: number;

  @Field(() => Float, { description: 'What those points are worth now, after decay (equal to points without decay).' })
  currentPoints: number;
}

@ObjectType('NeglectedLead', { description: 'A lead past its handoff SLA with no sales touch since it became an MQL.' })
export class NeglectedLeadObject {
  @Field(() => LeadObject, { description: 'The lead.' })
  lead: LeadRow;

  @Field({ description: 'When its score first reached the threshold (UTC).' })
  mqlAt: Date;

  @Field({ description: 'mqlAt + slaHours: when the first sales touch was due (UTC).' })
  deadline: Date;

  @Field(() => Float, { description: 'Hours since the deadline.' })
  hoursOverdue: number;
}
