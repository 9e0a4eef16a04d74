import { AttributionModel } from '../../attribution/attribution-model';
import { money } from '../../catalog/money';
import { AttributionRequest, AttributionResult, ReportRow } from '../../reports/attribution-report.service';
import { labelOf } from '../../reports/row-keys';
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

export function attributionReport(model: AttributionModel, request: AttributionRequest, result: AttributionResult): AttributionReport {
  const format = new Formatter(request, result);
  const attributedMinor = result.totalMinor - result.unattributedMinor;
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
    unattributed: format.money(result.unattributedMinor),
    deals: result.deals,
    cost: format.money(result.costMinor),
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
      revenue: format.money(result.unattributedMinor),
      deals: result.unattributedDeals,
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
    rows: result.rows.map((row): ModelComparisonRow => ({
      ...format.keyed(row),
      values: models.map((model, index): ModelValue => ({ model, ...format.value(row, index) })),
    })),
  };
}
