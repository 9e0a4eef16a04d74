import { AttributionModel } from '../../attribution/attribution-model';
import { money } from '../../catalog/money';
import { AttributionRequest, AttributionResult, ReportRow } from '../../reports/attribution-report.types';
import { DataDrivenOutcome } from '../../reports/data-driven/data-driven-credits';
import { isDataDriven } from '../../attribution/attribution-model';
import { labelOf } from '../../reports/row-keys';
import { MarkovDetails, UnattributedReason } from './data-driven.type';
import { MoneyObject } from '../common/money.type';
import { AttributionReport, AttributionRow, KeyedRow, ModelComparison, ModelComparisonRow, ModelValue } from './attribution-report.type';

const UNATTRIBUTED = 'UNATTRIBUTED';

const ratio = (numerator: bigint, denominator: bigint | null) =>
  denominator === null || denominator === 0n ? null : Number((numerator * 1_000_000n) / denominator) / 1_000_000;

class Formatter {
  constructor(private readonly request: AttributionRequest, private readonly result: AttributionResult) {}

  money(amountMinor: bigint): MoneyObject {
    return money(amountMinor.toString(), this.result.currency, this.result.minorUnits);
  }

  keyed(row: ReportRow): KeyedRow {
    const labels = row.keys.map((key, index) => labelOf(this.request.groupBy[index], key, row.campaignName));
    return {
      key: row.keys[0],
      keys: row.keys,
      label: labels[0],
      labels,
      touches: row.touches,
      influencedRevenue: this.money(row.influencedRevenueMinor),
      influencedDeals: row.influencedDeals,
      cost: row.costMinor === null ? null : this.money(row.costMinor),
      campaignId: row.campaignId,
    };
  }

  value(row: ReportRow, index: number) {
    const revenue = row.revenueMinor[index];
    return {
      revenue: this.money(revenue),
      deals: row.dealCredit[index],
      roas: ratio(revenue, row.costMinor),
      roi: row.costMinor === null ? null : ratio(revenue - row.costMinor, row.costMinor),
    };
  }
}

const REASONS: Record<string, UnattributedReason> = {
  EMPTY_JOURNEY: UnattributedReason.EMPTY_JOURNEY,
  NO_CONVERSIONS: UnattributedReason.NO_CONVERSIONS,
  ALL_REMOVAL_EFFECTS_ZERO: UnattributedReason.ALL_REMOVAL_EFFECTS_ZERO,
};

function markovDetails(outcome: DataDrivenOutcome | null, order: number): MarkovDetails | null {
  if (!outcome?.markov) return null;
  const { conversionProbability, removalEffects, transitions } = outcome.markov;
  return {
    order,
    conversionProbability,
    removalEffects: removalEffects.map(({ key, effect }) => ({ key, effect })),
    transitionCount: transitions.count,
    allTransitions: transitions,
  };
}

export function attributionReport(model: AttributionModel, request: AttributionRequest, result: AttributionResult): AttributionReport {
  const format = new Formatter(request, result);
  const unattributedMinor = result.unattributedByModel[0];
  const attributedMinor = result.totalMinor - unattributedMinor;
  const outcome = result.dataDriven[0];
  const options = request.models[0];
  return {
    model,
    basis: request.scope.basis,
    from: request.scope.from ?? null,
    to: request.scope.to ?? null,
    timeZone: request.scope.timeZone,
    groupBy: [...request.groupBy],
    contacts: request.scope.contacts,
    currency: result.currency,
    total: format.money(result.totalMinor),
    attributed: format.money(attributedMinor),
    unattributed: format.money(unattributedMinor),
    deals: result.deals,
    cost: format.money(result.costMinor),
    unattributedReasons: outcome
      ? outcome.unattributed.map((part) => ({ reason: REASONS[part.reason], amount: format.money(part.amountMinor), deals: part.dealCredit }))
      : [{ reason: UnattributedReason.EMPTY_JOURNEY, amount: format.money(result.unattributedMinor), deals: result.unattributedDeals }],
    markov: markovDetails(outcome, isDataDriven(options) ? options.order : 1),
    pathTable: outcome ? {
      rows: () => outcome.pathTable().rows,
      format: (row) => ({
        path: row.ids.map((id) => outcome.pathTable().keys[id]), journeys: row.journeys, conversions: row.conversions, value: format.money(row.value),
      }),
    } : null,
    rows: result.rows.map((row): AttributionRow => ({ ...format.keyed(row), ...format.value(row, 0) })),
    unattributedRow: {
      key: UNATTRIBUTED,
      keys: request.groupBy.map(() => UNATTRIBUTED),
      label: 'Unattributed (no touch in the journey)',
      labels: request.groupBy.map(() => 'Unattributed'),
      touches: 0,
      influencedRevenue: format.money(0n),
      influencedDeals: 0,
      cost: null,
      campaignId: null,
      revenue: format.money(unattributedMinor),
      deals: result.unattributedDealsByModel[0],
      roas: null,
      roi: null,
    },
  };
}

export function modelComparison(models: AttributionModel[], request: AttributionRequest, result: AttributionResult): ModelComparison {
  const format = new Formatter(request, result);
  return {
    models,
    basis: request.scope.basis,
    groupBy: [...request.groupBy],
    currency: result.currency,
    total: format.money(result.totalMinor),
    unattributed: format.money(result.unattributedMinor),
    deals: result.deals,
    totals: models.map((model, index) => ({
      model,
      attributed: format.money(result.totalMinor - result.unattributedByModel[index]),
      unattributed: format.money(result.unattributedByModel[index]),
    })),
    rows: result.rows.map((row): ModelComparisonRow => ({
      ...format.keyed(row),
      values: models.map((model, index): ModelValue => ({ model, ...format.value(row, index) })),
    })),
  };
}
