import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AttributionModel } from '../../attribution/attribution-model';
import { ConversionBasis } from '../../attribution/journey';
import { ContactsRule, Dimension } from '../../reports/report-scope';
import { MoneyObject } from '../common/money.type';
import type { KeyedPathRow } from '../../attribution/data-driven';
import { MarkovDetails, PathTableRow, UnattributedPart } from './data-driven.type';

/** A data-driven model's path table, built when first asked for; only the rows of a page are formatted. */
export interface PathTable {
  rows(): readonly KeyedPathRow[];
  format(row: KeyedPathRow): PathTableRow;
}

const KEY = 'The row\'s key in the first groupBy dimension: channel slug, campaign externalId, "source / medium", or a period\'s first day (YYYY-MM-DD). "UNATTRIBUTED" for the unattributed bucket.';
const KEYS = 'The row\'s key in each groupBy dimension, in groupBy order.';
const LABEL = 'A readable name for key: channel name, campaign name, "2025-03", "2025-Q1", "Week of 2025-03-03".';
const INFLUENCED_REVENUE = 'Full amount of every deal with at least one touch of this key (not additive across rows: a deal influenced by several keys counts in each).';
const INFLUENCED_DEALS = 'Number of deals with at least one touch of this key (not additive across rows).';
const COST = 'Campaign spend with this key in the period, in the report currency (each day converted at its FX rate); null when the key carries no spend (e.g. touches without a campaign) and in rows grouped by TOUCH_TYPE, INDUSTRY, SEGMENT, SIZE or OWNER (spend is recorded per campaign and day).';
const ROAS = 'Return on ad spend: revenue / cost (e.g. 3.5 means 3.50 earned per 1.00 spent). Null when cost is null or 0.';
const ROI = 'Return on investment: (revenue - cost) / cost (e.g. 2.5 = 250%). Null when cost is null or 0.';

/** Fields shared by report rows and comparison rows. */
@ObjectType()
export abstract class KeyedRow {
  @Field({ description: KEY })
  key: string;

  @Field(() => [String], { description: KEYS })
  keys: string[];

  @Field({ description: LABEL })
  label: string;

  @Field(() => [String], { description: 'A readable name for each of keys.' })
  labels: string[];

  @Field(() => Int, { description: 'Journey touches with this key in the credited deals (before collapseRepeats).' })
  touches: number;

  @Field(() => MoneyObject, { description: INFLUENCED_REVENUE })
  influencedRevenue: MoneyObject;

  @Field(() => Int, { description: INFLUENCED_DEALS })
  influencedDeals: number;

  @Field(() => MoneyObject, { nullable: true, description: COST })
  cost: MoneyObject | null;

  /** Row id of the campaign when grouped by campaign (resolved by a field resolver). */
  campaignId: string | null;
}

@ObjectType({ description: 'Credit of one key (or pair of keys) under the report\'s model. Rows of a report plus its unattributed bucket add up to its total, to the cent.' })
export class AttributionRow extends KeyedRow {
  @Field(() => MoneyObject, { description: 'Attributed amount (revenue or pipeline), in the report currency: the sum of this key\'s credits, each deal split in minor units by largest remainder.' })
  revenue: MoneyObject;

  @Field(() => Float, { description: 'Fractional deal credit: the sum of this key\'s shares of each deal (e.g. 2.35 deals).' })
  deals: number;

  @Field(() => Float, { nullable: true, description: ROAS })
  roas: number | null;

  @Field(() => Float, { nullable: true, description: ROI })
  roi: number | null;
}

@ObjectType({ description: 'Marketing\'s contribution to revenue (or pipeline) by channel, campaign, source/medium or period, under one attribution model.' })
export class AttributionReport {
  @Field(() => AttributionModel, { description: 'The model used.' })
  model: AttributionModel;

  @Field(() => ConversionBasis, { description: 'REVENUE (won deals by closedAt) or PIPELINE (deals by createdAt).' })
  basis: ConversionBasis;

  @Field(() => Date, { nullable: true, description: 'Start of the period (inclusive), or null for no lower bound.' })
  from: Date | null;

  @Field(() => Date, { nullable: true, description: 'End of the period (exclusive), or null for no upper bound.' })
  to: Date | null;

  @Field({ description: 'IANA time zone of the period buckets.' })
  timeZone: string;

  @Field(() => [Dimension], { description: 'The dimensions rows are grouped by.' })
  groupBy: Dimension[];

  @Field(() => ContactsRule, { description: 'Whose touches made up the journeys.' })
  contacts: ContactsRule;

  @Field({ description: 'ISO 4217 currency of every amount in the report.' })
  currency: string;

  @Field(() => MoneyObject, { description: 'Amount of every deal in scope, each converted at the FX rate of its conversion date. total = attributed + unattributed.' })
  total: MoneyObject;

  @Field(() => MoneyObject, { description: 'The part of total credited to touches: the sum of rows\' revenue.' })
  attributed: MoneyObject;

  @Field(() => MoneyObject, { description: 'Amount of deals whose journey is empty (no touch of their contacts before t*, after the lookback and filters).' })
  unattributed: MoneyObject;

  @Field(() => Int, { description: 'Number of deals in scope.' })
  deals: number;

  @Field(() => MoneyObject, { description: 'Campaign spend in the period: the sum of the rows\' costs, or the whole spend when rows are grouped by a dimension spend cannot be split by (TOUCH_TYPE, INDUSTRY, SEGMENT, SIZE, OWNER).' })
  cost: MoneyObject;

  @Field(() => [AttributionRow], { description: 'One row per key (or pair of keys) with credit or spend, largest revenue first. The unattributed bucket is not among them: see unattributedRow.' })
  rows: AttributionRow[];

  @Field(() => AttributionRow, { description: 'The explicit UNATTRIBUTED bucket (key "UNATTRIBUTED"), always present even when zero: rows + unattributedRow = total.' })
  unattributedRow: AttributionRow;

  @Field(() => [UnattributedPart], { description: 'The unattributed amount by reason (empty journeys; for data-driven models also e.g. no conversions).' })
  unattributedReasons: UnattributedPart[];

  @Field(() => MarkovDetails, { nullable: true, description: 'MARKOV only: the chain behind the credits (P(conv), removal effects, transitions).' })
  markov: MarkovDetails | null;

  /** Data-driven models: the path table they learned from, most frequent first (paged by a field resolver). */
  pathTable: PathTable | null;
}

@ObjectType({ description: 'One model\'s figures for a comparison row.' })
export class ModelValue {
  @Field(() => AttributionModel, { description: 'The model.' })
  model: AttributionModel;

  @Field(() => MoneyObject, { description: 'Attributed amount under this model, in the report currency.' })
  revenue: MoneyObject;

  @Field(() => Float, { description: 'Fractional deal credit under this model.' })
  deals: number;

  @Field(() => Float, { nullable: true, description: ROAS })
  roas: number | null;

  @Field(() => Float, { nullable: true, description: ROI })
  roi: number | null;
}

@ObjectType({ description: 'One model\'s totals in a comparison.' })
export class ModelTotal {
  @Field(() => AttributionModel, { description: 'The model.' })
  model: AttributionModel;

  @Field(() => MoneyObject, { description: 'What the model credited to keys (the sum of its values in rows).' })
  attributed: MoneyObject;

  @Field(() => MoneyObject, { description: 'What the model left unattributed: attributed + unattributed = total.' })
  unattributed: MoneyObject;
}

@ObjectType({ description: 'One key of a model comparison, with a value per model.' })
export class ModelComparisonRow extends KeyedRow {
  @Field(() => [ModelValue], { description: 'One value per compared model, in the order the models were asked.' })
  values: ModelValue[];
}

@ObjectType({ description: 'Several attribution models over the same deals, journeys and period: what a model-comparison chart shows.' })
export class ModelComparison {
  @Field(() => [AttributionModel], { description: 'The compared models, in the order asked.' })
  models: AttributionModel[];

  @Field(() => ConversionBasis, { description: 'REVENUE or PIPELINE.' })
  basis: ConversionBasis;

  @Field(() => [Dimension], { description: 'The dimensions rows are grouped by.' })
  groupBy: Dimension[];

  @Field({ description: 'ISO 4217 currency of every amount.' })
  currency: string;

  @Field(() => MoneyObject, { description: 'Amount of every deal in scope (the same for every model).' })
  total: MoneyObject;

  @Field(() => MoneyObject, { description: 'Amount of deals with an empty journey (data-driven models may leave more unattributed: see totals).' })
  unattributed: MoneyObject;

  @Field(() => [ModelTotal], { description: 'Per model, in the order asked: attributed and unattributed amounts.' })
  totals: ModelTotal[];

  @Field(() => Int, { description: 'Number of deals in scope.' })
  deals: number;

  @Field(() => [ModelComparisonRow], { description: 'One row per key, largest first under the first model. For every model, rows + unattributed = total.' })
  rows: ModelComparisonRow[];
}
