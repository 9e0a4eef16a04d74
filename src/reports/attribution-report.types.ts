import { AttributionModelOptions } from '../attribution/attribution-model';
import { RowTotals } from './attribution-aggregator';
import { DataDrivenOutcome } from './data-driven/data-driven-credits';
import { Dimension, JourneyScope } from './report-scope';

// What an attribution report is asked, and what it answers: shared by the report service, the
// readers it delegates to (stored credits, journey paths) and its callers.

/** The models, the grouping and the journeys of one report. */
export interface AttributionRequest {
  models: readonly AttributionModelOptions[];
  groupBy: readonly Dimension[];
  scope: JourneyScope;
}

export interface ReportRow extends RowTotals {
  /** Spend in the period for this key, when the key can carry spend (not for touches without campaign). */
  costMinor: bigint | null;
}

export interface AttributionResult {
  currency: string;
  minorUnits: number;
  totalMinor: bigint;
  unattributedMinor: bigint;
  deals: number;
  unattributedDeals: number;
  costMinor: bigint;
  /** Sorted by the first model's revenue, largest first, then by key. */
  rows: ReportRow[];
  /** Per model, in request order: what it left unattributed (amount and fractional deals). */
  unattributedByModel: bigint[];
  unattributedDealsByModel: number[];
  /** Per model: the data-driven model's inputs and details; null for rule-based models. */
  dataDriven: (DataDrivenOutcome | null)[];
}
