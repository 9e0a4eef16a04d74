export { counterfactualAttribution } from './counterfactual';
export { InvalidMarkovOrderError, InvalidPathRowError, TooManyKeysError } from './errors';
export { markovAttribution, markovAttributionSteps } from './markov';
export type { MarkovOptions, MarkovResult, RemovalEffect } from './markov';
export type { MarkovState, MarkovStateKind, MarkovTransition, MarkovTransitions } from './markov-transitions';
export { collapseRepeatedKeys, toPathRows } from './path-rows';
export type { PathJourney } from './path-rows';
export { SHAPLEY_MAX_KEYS, shapleyAttribution } from './shapley';
export type { Steps } from './steps';
export type {
  DataDrivenResult, KeyCredit, KeyedPathRow, KeyedPaths, PathInput, PathRow, Unattributed, UnattributedReason,
} from './types';
