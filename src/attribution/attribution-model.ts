import { RuleBasedModel, RuleBasedOptions } from './rule-based-model';

/** Every model a report can use: the engine's rule-based ones and the data-driven ones. */
export const AttributionModel = {
  ...RuleBasedModel,
  MARKOV: 'MARKOV',
  COUNTERFACTUAL: 'COUNTERFACTUAL',
  SHAPLEY: 'SHAPLEY',
} as const;

export type AttributionModel = (typeof AttributionModel)[keyof typeof AttributionModel];

export type DataDrivenModel = typeof AttributionModel.MARKOV | typeof AttributionModel.COUNTERFACTUAL | typeof AttributionModel.SHAPLEY;

/** A data-driven model and its options; repeats are collapsed by default for these models. */
export interface DataDrivenOptions {
  model: DataDrivenModel;
  order: number;
  collapseRepeats: boolean;
}

export type AttributionModelOptions = RuleBasedOptions | DataDrivenOptions;

const DATA_DRIVEN = new Set<string>([AttributionModel.MARKOV, AttributionModel.COUNTERFACTUAL, AttributionModel.SHAPLEY]);

export const isDataDrivenModel = (model: AttributionModel): model is DataDrivenModel => DATA_DRIVEN.has(model);

export function isDataDriven(options: AttributionModelOptions): options is DataDrivenOptions {
  return DATA_DRIVEN.has(options.model);
}
