import { PositionWeights } from './position-models';

/** The rule-based models (all models, data-driven too: attribution-model.ts). */
export enum RuleBasedModel {
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
}

/** The models fully defined by a fixed weight per position. */
export type PositionModel =
  | RuleBasedModel.FIRST_TOUCH
  | RuleBasedModel.LAST_TOUCH
  | RuleBasedModel.POSITION_BASED
  | RuleBasedModel.U_SHAPED
  | RuleBasedModel.W_SHAPED
  | RuleBasedModel.FULL_PATH
  | RuleBasedModel.J_SHAPED
  | RuleBasedModel.INVERSE_J;

export const POSITION_MODEL_WEIGHTS: Readonly<Record<PositionModel, PositionWeights>> = {
  [RuleBasedModel.FIRST_TOUCH]: { FIRST: 1 },
  [RuleBasedModel.LAST_TOUCH]: { LAST: 1 },
  [RuleBasedModel.POSITION_BASED]: { FIRST: 0.4, LAST: 0.4, MIDDLE: 0.2 },
  [RuleBasedModel.U_SHAPED]: { FIRST: 0.4, LEAD_CREATION: 0.4, MIDDLE: 0.2 },
  [RuleBasedModel.W_SHAPED]: { FIRST: 0.3, LEAD_CREATION: 0.3, OPPORTUNITY_CREATION: 0.3, MIDDLE: 0.1 },
  [RuleBasedModel.FULL_PATH]: {
    FIRST: 0.225, LEAD_CREATION: 0.225, OPPORTUNITY_CREATION: 0.225, CLOSED: 0.225, MIDDLE: 0.1,
  },
  [RuleBasedModel.J_SHAPED]: { FIRST: 0.2, LAST: 0.6, MIDDLE: 0.2 },
  [RuleBasedModel.INVERSE_J]: { FIRST: 0.6, LAST: 0.2, MIDDLE: 0.2 },
};

export const DEFAULT_DIRECT_CHANNELS: readonly string[] = ['direct'];
export const DEFAULT_HALF_LIFE_DAYS = 7;

export type RuleBasedOptions = {
  /** Merge consecutive touches with the same key into the first of them. Default off. */
  readonly collapseRepeats?: boolean;
} & (
  | { readonly model: PositionModel | RuleBasedModel.LINEAR }
  | { readonly model: RuleBasedModel.LAST_NON_DIRECT; readonly directChannels?: readonly string[] }
  | { readonly model: RuleBasedModel.TIME_DECAY; readonly halfLifeDays?: number }
  | { readonly model: RuleBasedModel.CUSTOM; readonly weights: PositionWeights }
);
