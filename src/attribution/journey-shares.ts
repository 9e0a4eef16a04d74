import {
  RuleBasedModel, DEFAULT_DIRECT_CHANNELS, DEFAULT_HALF_LIFE_DAYS, RuleBasedOptions, POSITION_MODEL_WEIGHTS,
} from './rule-based-model';
import { collapseRepeats } from './collapse-repeats';
import { JourneyContext, JourneyTouch, orderJourney } from './journey';
import { findMilestones } from './milestones';
import { positionShares } from './position-models';
import { Ratio } from './ratio';
import { lastNonDirectShares, linearShares, timeDecayShares } from './rule-based-shares';
import { validateModelOptions } from './validate-model-options';

/** A touch of the journey and its exact share of the deal, in `[0, 1]`. */
export interface TouchShare {
  readonly touch: JourneyTouch;
  readonly share: Ratio;
}

function modelShares(journey: readonly JourneyTouch[], context: JourneyContext, options: RuleBasedOptions): Ratio[] {
  switch (options.model) {
    case RuleBasedModel.LINEAR:
      return linearShares(journey.length);
    case RuleBasedModel.LAST_NON_DIRECT:
      return lastNonDirectShares(journey, options.directChannels ?? DEFAULT_DIRECT_CHANNELS);
    case RuleBasedModel.TIME_DECAY:
      return timeDecayShares(journey, context.conversionAt, options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS);
    case RuleBasedModel.CUSTOM:
      return positionShares(journey.length, findMilestones(journey, context), options.weights);
    default:
      return positionShares(journey.length, findMilestones(journey, context), POSITION_MODEL_WEIGHTS[options.model]);
  }
}

/**
 * Each touch's share of the deal under a rule-based model, in `(occurredAt, id)` order. The
 * shares sum exactly to 1; an empty journey gives no shares. With `collapseRepeats`, only the first
 * touch of each run of equal keys is listed. Options are checked even for an empty journey.
 */
export function journeyShares(
  touches: readonly JourneyTouch[],
  context: JourneyContext,
  options: RuleBasedOptions,
): TouchShare[] {
  validateModelOptions(options);
  const ordered = orderJourney(touches);
  const journey = options.collapseRepeats ? collapseRepeats(ordered) : ordered;
  if (journey.length === 0) return [];
  const shares = modelShares(journey, context, options);
  return journey.map((touch, index) => ({ touch, share: shares[index] }));
}
