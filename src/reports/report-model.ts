import { AttributionModel, ModelOptions } from '../attribution/attribution-model';

/** Every model a report can use: the engine's rule-based ones and the data-driven ones. */
export const ReportModel = {
  ...AttributionModel,
  MARKOV: 'MARKOV',
  COUNTERFACTUAL: 'COUNTERFACTUAL',
  SHAPLEY: 'SHAPLEY',
} as const;

export type ReportModel = (typeof ReportModel)[keyof typeof ReportModel];

export type DataDrivenModel = typeof ReportModel.MARKOV | typeof ReportModel.COUNTERFACTUAL | typeof ReportModel.SHAPLEY;

/** A data-driven model and its options; repeats are collapsed by default for these models. */
export interface DataDrivenOptions {
  model: DataDrivenModel;
  order: number;
  collapseRepeats: boolean;
}

export type ReportModelOptions = ModelOptions | DataDrivenOptions;

const DATA_DRIVEN = new Set<string>([ReportModel.MARKOV, ReportModel.COUNTERFACTUAL, ReportModel.SHAPLEY]);

export const isDataDrivenModel = (model: ReportModel): model is DataDrivenModel => DATA_DRIVEN.has(model);

export function isDataDriven(options: ReportModelOptions): options is DataDrivenOptions {
  return DATA_DRIVEN.has(options.model);
}
