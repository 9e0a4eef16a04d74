export { counterfactualAttribution } from './counterfactual';
export { InvalidMarkovOrderError, InvalidPathRowError, TooManyKeysError } from './errors';
export { byVariant, groupProbabilities, variantGroups } from './absorption';
export type { AbsorbingChain } from './absorption';
export { markovAttribution, markovAttributionSteps, markovResult, markovSystem } from './markov';
export type { MarkovOptions, MarkovResult, MarkovSystem, RemovalEffect } from './markov';
export type { MarkovState, MarkovStateKind, MarkovTransition, MarkovTransitions } from './markov-transitions';
export { collapseRepeatedKeys, toPathRows } from './path-rows';
export type { PathJourney } from './path-rows';
export { SHAPLEY_MAX_KEYS, shapleyAttribution } from './shapley';
export { finish } from './steps';
export type { Steps } from './steps';
export type {
  DataDrivenResult, KeyCredit, KeyedPathRow, KeyedPaths, PathInput, PathRow, Unattributed, UnattributedReason,
} from './types';
