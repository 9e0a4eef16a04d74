import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Context } from '../context';
import { Cell } from './flat-format';

/** A flat table computed in full before it is written (report rows are aggregates: few of them). */
export interface FlatTable {
  columns: string[];
  rows: Cell[][];
}

interface MoneyValue { amount: string; amountMinor: string }
interface KeyedRow {
  keys: string[]; labels: string[]; touches: number; influencedRevenue: MoneyValue; influencedDeals: number; cost: MoneyValue | null;
}
interface AttributionRow extends KeyedRow { revenue: MoneyValue; deals: number; roas: number | null; roi: number | null }
interface ComparisonRow extends KeyedRow { values: Array<{ model: string; revenue: MoneyValue; deals: number }> }

const KEYED = 'keys labels touches influencedRevenue { amount amountMinor } influencedDeals cost { amount amountMinor }';
const ATTRIBUTION = `query AttributionExport($input: AttributionInput!) { attribution(input: $input) {
  model groupBy currency
  rows { ${KEYED} revenue { amount amountMinor } deals roas roi }
  unattributedRow { ${KEYED} revenue { amount amountMinor } deals roas roi } } }`;
const COMPARE_MODELS = `query CompareModelsExport($input: CompareModelsInput!) { compareModels(input: $input) {
  models groupBy currency totals { model unattributed { amount amountMinor } }
  rows { ${KEYED} values { model revenue { amount amountMinor } deals } } } }`;

const money = (value: MoneyValue | null): Cell[] => [value?.amount ?? null, value?.amountMinor ?? null];
const dimensionColumns = (groupBy: string[]) => [...groupBy.map((d) => d.toLowerCase()), ...groupBy.map((d) => `${d.toLowerCase()}_label`)];
const KEYED_COLUMNS = ['currency', 'touches', 'influenced_revenue', 'influenced_revenue_minor', 'influenced_deals', 'cost', 'cost_minor'];
const dimensionCells = (row: KeyedRow): Cell[] => [...row.keys, ...row.labels];
const keyedCells = (row: KeyedRow, currency: string): Cell[] => [
  currency, row.touches, ...money(row.influencedRevenue), row.influencedDeals, ...money(row.cost),
];

function attributionTable(report: { model: string; groupBy: string[]; currency: string; rows: AttributionRow[]; unattributedRow: AttributionRow }): FlatTable {
  const columns = [...dimensionColumns(report.groupBy), 'model', ...KEYED_COLUMNS, 'revenue', 'revenue_minor', 'deals', 'roas', 'roi'];
  const rows = [...report.rows, report.unattributedRow].map((row) => [
    ...dimensionCells(row), report.model, ...keyedCells(row, report.currency), ...money(row.revenue), row.deals, row.roas, row.roi,
  ]);
  return { columns, rows };
}

interface Comparison {
  models: string[]; groupBy: string[]; currency: string; rows: ComparisonRow[];
  totals: Array<{ model: string; unattributed: MoneyValue }>;
}

function comparisonTable(report: Comparison): FlatTable {
  const modelColumns = report.models.flatMap((model) => {
    const name = model.toLowerCase();
    return [`${name}_revenue`, `${name}_revenue_minor`, `${name}_deals`];
  });
  const columns = [...dimensionColumns(report.groupBy), ...KEYED_COLUMNS, ...modelColumns];
  const rows = report.rows.map((row) => [
    ...dimensionCells(row), ...keyedCells(row, report.currency), ...row.values.flatMap((value) => [...money(value.revenue), value.deals]),
  ]);
  // The bucket compareModels reports per model in `totals`: a row like attribution's UNATTRIBUTED.
  const unattributed = report.groupBy.map(() => 'UNATTRIBUTED');
  rows.push([
    ...unattributed, ...report.groupBy.map(() => 'Unattributed'), report.currency, 0, '0', '0', 0, null, null,
    ...report.totals.flatMap((total) => [...money(total.unattributed), null]),
  ]);
  return { columns, rows };
}

const REPORTS = {
  attribution: { query: ATTRIBUTION, field: 'attribution', table: attributionTable },
  'compare-models': { query: COMPARE_MODELS, field: 'compareModels', table: comparisonTable },
} as const;

export type ReportExportName = keyof typeof REPORTS;

export const isReportExport = (name: string): name is ReportExportName => name in REPORTS;

export type ReportOutcome = { table: FlatTable; headers: Map<string, string> }
  | { errors: readonly GraphQLFormattedError[]; status?: number; headers: Map<string, string> };

/**
 * Runs the report as the GraphQL operation itself, through Apollo with every plugin (input
 * coercion, checks, limits, rate limit, report cache): the same input gives the same numbers and
 * the same errors as /graphql. Then flattens it.
 */
export async function runReportExport(apollo: ApolloServer<Context>, name: ReportExportName, input: unknown, contextValue: Context): Promise<ReportOutcome> {
  const report = REPORTS[name];
  const response = await apollo.executeOperation({ query: report.query, variables: { input } }, { contextValue });
  const headers = new Map(response.http.headers);
  if (response.body.kind !== 'single') throw new Error('an export operation cannot be incremental');
  const { data, errors } = response.body.singleResult;
  if (errors?.length || !data) return { errors: errors ?? [], status: response.http.status, headers };
  return { table: report.table((data as Record<string, never>)[report.field]), headers };
}
