import {
  AttributionResult as PathCredits, counterfactualAttribution, markovAttribution, PathRow, shapleyAttribution, Unattributed,
} from '../attribution/data-driven';
import type { MarkovTransition, RemovalEffect } from '../attribution/data-driven';
import { DataDrivenOptions, ReportModel } from './report-model';

export interface MarkovDetails {
  conversionProbability: number;
  removalEffects: RemovalEffect[];
  transitions: MarkovTransition[];
}

/** A data-driven model's credits per key, what it could not credit and why, and its inputs. */
export interface DataDrivenOutcome {
  byKey: Map<string, { amountMinor: bigint; dealCredit: number }>;
  unattributed: Unattributed[];
  /** The path table the model learned from, most journeys first, then by path. */
  paths: PathRow[];
  markov?: MarkovDetails;
}

export function dataDrivenCredits(options: DataDrivenOptions, paths: PathRow[]): DataDrivenOutcome {
  let result: PathCredits;
  let markov: MarkovDetails | undefined;
  if (options.model === ReportModel.MARKOV) {
    const { conversionProbability, removalEffects, transitions, ...credits } = markovAttribution(paths, { order: options.order });
    markov = { conversionProbability, removalEffects, transitions };
    result = credits;
  } else {
    result = options.model === ReportModel.SHAPLEY ? shapleyAttribution(paths) : counterfactualAttribution(paths);
  }
  return {
    byKey: new Map(result.credits.map((credit) => [credit.key, { amountMinor: credit.amountMinor, dealCredit: credit.dealCredit }])),
    unattributed: result.unattributed,
    // The model's table is in path order; a stable sort keeps it within equal journeys.
    paths: [...result.paths].sort((a, b) => b.journeys - a.journeys),
    markov,
  };
}
