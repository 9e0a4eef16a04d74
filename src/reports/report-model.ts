import { AttributionModel, ModelOptions } from '../attribution/attribution-model';

/** Every model a report can use: the rule-based ones and the data-driven ones. */
export enum ReportModel {
  FIRST_TOUCH = 'FIRST_TOUCH',
  LAST_TOUCH = 'LAST_TOUCH',
  LAST_NON_DIRECT = 'LAST_NON_DIRECT',
  LINEAR = 'LINEAR',
  POSITION_BASED = 'POSITION_BASED',
  U_SHAPED = 'U_SHAPED',
  W_SHAPED = 'W_SHAPED',
  FULL_PATH = 'FULL_PATH',
  J_SHAPED = 'J_SHAPED',
  INVERSE_J = 'INVERSE_J',
  TIME_DECAY = 'TIME_DECAY',
  CUSTOM = 'CUSTOM',
  MARKOV = 'MARKOV',
  COUNTERFACTUAL = 'COUNTERFACTUAL',
  SHAPLEY = 'SHAPLEY',
}

export type DataDrivenModel = ReportModel.MARKOV | ReportModel.COUNTERFACTUAL | ReportModel.SHAPLEY;

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

/** The engine's name for a rule-based report model (the two enums share their values). */
export const ruleBasedModel = (model: Exclude<ReportModel, DataDrivenModel>) => model as unknown as AttributionModel;
