import { Field, Float, Int, ObjectType } from 'type-graphql';
import { FunnelStage } from '../../sales/funnel.service';
import { MoneyObject } from '../common/money.type';

@ObjectType('FunnelStageCount', { description: 'How many leads of a row reached one stage.' })
export class FunnelStageCountObject {
  @Field(() => FunnelStage, { description: 'The stage.' })
  stage: FunnelStage;

  @Field(() => Int, { description: 'Leads of the cohort that reached it (by now, whenever that was).' })
  count: number;

  @Field(() => Float, { nullable: true, description: 'count / count of the previous stage; null for LEAD and when the previous count is 0.' })
  conversionFromPrevious: number | null;

  @Field(() => Float, { nullable: true, description: 'Median, over the leads that reached this stage, of the days (fractional) since they reached the previous one; null for LEAD or when none did.' })
  medianDaysFromPrevious: number | null;
}

@ObjectType('FunnelRow', { description: 'The funnel of one group of the cohort.' })
export class FunnelRowObject {
  @Field({ description: 'The group: a channel slug, a campaign externalId, a month YYYY-MM, (none), or TOTAL.' })
  key: string;

  @Field(() => [FunnelStageCountObject], { description: 'LEAD, MQL, SQL, OPPORTUNITY, WON in this order.' })
  stages: FunnelStageCountObject[];
}

@ObjectType('Funnel', { description: 'Cohorts of leads created in the period and how far they got; rows add up to total.' })
export class FunnelObject {
  @Field(() => FunnelRowObject, { description: 'The whole cohort.' })
  total: FunnelRowObject;

  @Field(() => [FunnelRowObject], { description: 'One row per group, by key.' })
  rows: FunnelRowObject[];
}

@ObjectType('HandoffSlaRow', {
  description: 'SLA compliance of a group of MQLs. An MQL is MET when its first sales touch (SALES_CALL, SALES_MEETING or '
    + 'SALES_EMAIL at or after mqlAt) came by mqlAt + slaHours; BREACHED when it came later or the deadline passed without one; '
    + 'PENDING otherwise.',
})
export class HandoffSlaRowObject {
  @Field({ description: 'The group: a period start YYYY-MM-DD, a deal owner, (unknown), or TOTAL.' })
  key: string;

  @Field(() => Int, { description: 'Leads whose MQL time is in the period.' })
  mqls: number;

  @Field(() => Int, { description: 'MQLs answered within the SLA.' })
  met: number;

  @Field(() => Int, { description: 'MQLs answered late, or not answered by a past deadline.' })
  breached: number;

  @Field(() => Int, { description: 'MQLs not answered yet whose deadline is still ahead.' })
  pending: number;

  @Field(() => Float, { nullable: true, description: 'met / (met + breached); null when both are 0.' })
  compliance: number | null;

  @Field(() => Float, { nullable: true, description: 'Median hours from mqlAt to the first sales touch, over answered MQLs; null when none is.' })
  medianResponseHours: number | null;
}

@ObjectType('HandoffSla', { description: 'Speed of the marketing-to-sales handoff, for leads whose MQL time is in the period.' })
export class HandoffSlaObject {
  @Field(() => Float, { description: 'The SLA in force, in hours (setScoringRules).' })
  slaHours: number;

  @Field(() => HandoffSlaRowObject, { description: 'All MQLs of the period.' })
  total: HandoffSlaRowObject;

  @Field(() => [HandoffSlaRowObject], { description: 'By period of the MQL time.' })
  byPeriod: HandoffSlaRowObject[];

  @Field(() => [HandoffSlaRowObject], { description: "By owner of the lead's earliest deal that has one; (unknown) when none does." })
  byOwner: HandoffSlaRowObject[];
}

@ObjectType('LeadQualityRow', {
  description: 'Leads of one source and what became of them. Deals count once, for the source of their earliest-created contact in the cohort.',
})
export class LeadQualityRowObject {
  @Field({ description: 'A channel slug or campaign externalId of the first touch, (none), or TOTAL.' })
  key: string;

  @Field(() => Int, { description: 'Leads created in the period.' })
  leads: number;

  @Field(() => Int, { description: 'Of them, leads that reached MQL (see FunnelStage).' })
  mqls: number;

  @Field(() => Int, { description: 'Of them, leads that reached SQL.' })
  sqls: number;

  @Field(() => Int, { description: 'Deals of these leads (any status): opportunities.' })
  opportunities: number;

  @Field(() => Int, { description: 'Of those deals, the won ones.' })
  wonDeals: number;

  @Field(() => Int, { description: 'Of those deals, the lost ones.' })
  lostDeals: number;

  @Field(() => Float, { nullable: true, description: 'wonDeals / (wonDeals + lostDeals); null when none is closed.' })
  winRate: number | null;

  @Field(() => MoneyObject, { description: 'Revenue of the won deals, each converted at its close date.' })
  revenue: MoneyObject;

  @Field(() => MoneyObject, { nullable: true, description: 'revenue / wonDeals, rounded half away from zero to the minor unit; null without won deals.' })
  averageDealSize: MoneyObject | null;

  @Field(() => Float, { nullable: true, description: 'Mean days from createdAt to closedAt of the won deals; null without won deals.' })
  averageSalesCycleDays: number | null;

  @Field(() => MoneyObject, { nullable: true, description: 'revenue / leads, rounded half away from zero; null without leads.' })
  revenuePerLead: MoneyObject | null;
}

@ObjectType('LeadQuality', { description: 'Lead quality by source: settles "marketing sends bad leads" with data.' })
export class LeadQualityObject {
  @Field(() => LeadQualityRowObject, { description: 'All sources together.' })
  total: LeadQualityRowObject;

  @Field(() => [LeadQualityRowObject], { description: 'One row per source, by key.' })
  rows: LeadQualityRowObject[];
}

const JOURNEY = "the deal's journey (touches of its contacts, DEAL_CONTACTS, at or before t*, ordered by occurredAt then id)";
const MARKETING = 'a marketing channel (any channel not in nonMarketingChannels)';

@ObjectType('Kpis', {
  description: 'Numbers marketing and sales share, for the period [from, to). Pipeline = deals created in the period (t* = createdAt), '
    + 'whatever their status, converted at their creation date; revenue = won deals closed in the period (t* = closedAt), converted at '
    + 'their close date. Spend = campaign costs dated in the period, converted at their date.',
})
export class KpisObject {
  @Field(() => [String], { description: 'Channels not counted as marketing (setScoringRules; default sales, direct).' })
  nonMarketingChannels: string[];

  @Field(() => MoneyObject, { description: 'Amount of all deals created in the period.' })
  pipeline: MoneyObject;

  @Field(() => MoneyObject, { description: `Marketing-sourced pipeline: deals created in the period whose first touch of ${JOURNEY} is on ${MARKETING}.` })
  marketingSourcedPipeline: MoneyObject;

  @Field(() => MoneyObject, { description: `Marketing-influenced pipeline: deals created in the period with at least one touch of ${JOURNEY} on ${MARKETING}.` })
  marketingInfluencedPipeline: MoneyObject;

  @Field(() => MoneyObject, { description: 'Amount of the won deals closed in the period.' })
  revenue: MoneyObject;

  @Field(() => MoneyObject, { description: `Marketing-sourced revenue: won deals closed in the period whose first touch of ${JOURNEY} is on ${MARKETING}.` })
  marketingSourcedRevenue: MoneyObject;

  @Field(() => MoneyObject, { description: `Marketing-influenced revenue: won deals closed in the period with at least one touch of ${JOURNEY} on ${MARKETING}.` })
  marketingInfluencedRevenue: MoneyObject;

  @Field(() => MoneyObject, { description: 'Revenue credited to marketing channels by the input model: the attribution report (basis REVENUE, groupBy CHANNEL) summed over marketing channels.' })
  attributedMarketingRevenue: MoneyObject;

  @Field(() => Int, { description: 'Deals created in the period: the opportunities.' })
  opportunities: number;

  @Field(() => Int, { description: 'Won deals closed in the period.' })
  wonDeals: number;

  @Field(() => Int, { description: 'Lost deals closed in the period.' })
  lostDeals: number;

  @Field(() => Float, { nullable: true, description: 'Win rate: wonDeals / (wonDeals + lostDeals), deals closed in the period; null when none.' })
  winRate: number | null;

  @Field(() => MoneyObject, { nullable: true, description: 'Average deal size: revenue / wonDeals, rounded half away from zero; null without won deals.' })
  averageDealSize: MoneyObject | null;

  @Field(() => Float, { nullable: true, description: 'Sales cycle length: mean days from createdAt to closedAt of the won deals closed in the period.' })
  salesCycleDays: number | null;

  @Field(() => Int, { description: 'Leads created in the period.' })
  leads: number;

  @Field(() => Int, { description: 'Leads that reached MQL in the period (FunnelStage MQL).' })
  mqls: number;

  @Field(() => Float, { nullable: true, description: 'MQL-to-SQL rate: of the leads that reached MQL in the period, the share that has reached SQL (by now).' })
  mqlToSqlRate: number | null;

  @Field(() => Int, { description: 'New customers: won deals closed in the period whose account had no earlier won deal (a deal without account counts as new).' })
  newCustomers: number;

  @Field(() => MoneyObject, { description: 'Marketing spend: all campaign costs dated in the period.' })
  marketingSpend: MoneyObject;

  @Field(() => MoneyObject, { nullable: true, description: 'Cost per lead: marketingSpend / leads; null when 0 leads.' })
  costPerLead: MoneyObject | null;

  @Field(() => MoneyObject, { nullable: true, description: 'Cost per MQL: marketingSpend / mqls; null when 0.' })
  costPerMql: MoneyObject | null;

  @Field(() => MoneyObject, { nullable: true, description: 'Cost per opportunity: marketingSpend / opportunities; null when 0.' })
  costPerOpportunity: MoneyObject | null;

  @Field(() => MoneyObject, { nullable: true, description: 'Customer acquisition cost: marketingSpend / newCustomers (marketing spend only: sales costs are not recorded); null when 0.' })
  customerAcquisitionCost: MoneyObject | null;

  @Field(() => Float, { nullable: true, description: 'Marketing ROI: (attributedMarketingRevenue - marketingSpend) / marketingSpend; null when spend is 0.' })
  marketingRoi: number | null;
}
