import { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../pagination/page-request';

// One unit is about one row read and resolved. A report reads every deal, lead or touch of its
// period (thousands of rows) before it returns a handful, so it costs a fixed REPORT whatever is
// selected: the default MAX_QUERY_COST of 20000 lets about fifteen reports, or a few pages of 100
// nodes with nested pages, into one request.
const REPORT = 1000;
/** Crediting the same journeys under one more model, in the same pass. */
const PER_MODEL = 200;
/** One deal's journey credited under one model: a few dozen touches. */
const PER_DEAL_MODEL = 10;

type Args = ComplexityEstimatorArgs['args'];
type FieldCost = (args: Args, childComplexity: number) => number;

const fieldCosts: Record<string, FieldCost> = {
  'Query.attribution': (_args, child) => REPORT + PER_MODEL + child,
  'Query.compareModels': ({ input }, child) => REPORT + PER_MODEL * input.models.length + child,
  // An attribution pass plus the lead and deal aggregates.
  'Query.kpis': (_args, child) => 2 * REPORT + PER_MODEL + child,
  'Query.funnel': (_args, child) => REPORT + child,
  'Query.handoffSla': (_args, child) => REPORT + child,
  'Query.leadQuality': (_args, child) => REPORT + child,
  // Ranking scores every live lead; then each listed lead costs what is selected of it.
  'Query.leadsByScore': ({ input }, child) => REPORT + input.limit * child,
  'Query.neglectedLeads': ({ input }, child) => REPORT + input.limit * child,
  // Six counts over whole tables.
  'Query.datasetSummary': (_args, child) => REPORT / 10 + child,
  // Rescores every lead.
  'Mutation.setScoringRules': (_args, child) => 2 * REPORT + child,
  'Deal.journey': ({ input }, child) => PER_DEAL_MODEL * Math.max(1, input?.models?.length ?? 1) + child,
};

const isPaged = (field: ComplexityEstimatorArgs['field']) => field.args.some(({ name }) => name === 'first' || name === 'last');

/** Ingestion inputs hold one list of items; each item is a row to check and merge. */
const itemCount = (input: Args | undefined) => Object.values(input ?? {}).find(Array.isArray)?.length ?? 0;

/**
 * The cost of one field given its arguments (with the request's variables) and the cost of its
 * selection. Pages cost their selection once per item requested, so nested pages multiply.
 */
export function fieldCost({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const special = fieldCosts[`${type.name}.${field.name}`];
  if (special) return special(args, childComplexity);
  if (isPaged(field)) return 1 + (args.first ?? args.last ?? DEFAULT_PAGE_SIZE) * childComplexity;
  if (type.name === 'Mutation') return 1 + itemCount(args.input) + childComplexity;
  return 1 + childComplexity;
}
