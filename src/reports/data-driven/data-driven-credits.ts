import {
  DataDrivenResult, counterfactualAttribution, KeyedPaths, markovResult, markovSystem, shapleyAttribution, Unattributed,
} from '../../attribution/data-driven';
import type { MarkovResult, MarkovTransitions, RemovalEffect } from '../../attribution/data-driven';
import { conversionProbabilitiesInThreads } from './absorption-threads';
import { DataDrivenOptions, AttributionModel } from '../../attribution/attribution-model';

export interface MarkovDetails {
  conversionProbability: number;
  removalEffects: RemovalEffect[];
  transitions: MarkovTransitions;
}

/** A data-driven model's credits per key, what it could not credit and why, and its inputs. */
export interface DataDrivenOutcome {
  byKey: Map<string, { amountMinor: bigint; dealCredit: number }>;
  unattributed: Unattributed[];
  /** The path table of the journeys, most journeys first, then by path; built when first asked for. */
  pathTable: () => KeyedPaths;
  markov?: MarkovDetails;
}

/**
 * Runs a data-driven model over the journeys' path rows. MARKOV's solve can take seconds at high
 * orders: it runs in steps and on a spare core, within `limitMs` (conversionProbabilitiesInThreads);
 * the other models take well under a second on 100k journeys.
 */
export async function dataDrivenCredits(options: DataDrivenOptions, paths: KeyedPaths, limitMs: number): Promise<DataDrivenOutcome> {
  let result: DataDrivenResult;
  let markov: MarkovDetails | undefined;
  if (options.model === AttributionModel.MARKOV) {
    const { conversionProbability, removalEffects, transitions, ...credits } = await markovCredits(paths, options.order, limitMs);
    markov = { conversionProbability, removalEffects, transitions };
    result = credits;
  } else {
    result = options.model === AttributionModel.SHAPLEY ? shapleyAttribution(paths) : counterfactualAttribution(paths);
  }
  return {
    byKey: new Map(result.credits.map((credit) => [credit.key, { amountMinor: credit.amountMinor, dealCredit: credit.dealCredit }])),
    unattributed: result.unattributed,
    pathTable: byJourneys(result.pathTable),
    markov,
  };
}

async function markovCredits(paths: KeyedPaths, order: number, limitMs: number): Promise<MarkovResult> {
  const system = markovSystem(paths, { order });
  return markovResult(system, await conversionProbabilitiesInThreads(system.chain, system.removals, limitMs));
}

// The model's table is in path order; a stable sort keeps it within equal journeys.
function byJourneys(pathTable: () => KeyedPaths): () => KeyedPaths {
  let sorted: KeyedPaths | undefined;
  return () => {
    if (!sorted) {
      const { keys, rows } = pathTable();
      sorted = { keys, rows: [...rows].sort((a, b) => b.journeys - a.journeys) };
    }
    return sorted;
  };
}
