import {
  RuleBasedModel, DEFAULT_DIRECT_CHANNELS, DEFAULT_HALF_LIFE_DAYS, RuleBasedOptions,
} from '../../attribution/rule-based-model';

/** A stored model with its default options and column suffix. */
export interface StoredModel {
  readonly options: RuleBasedOptions;
  readonly suffix: string;
}

const stored = (model: RuleBasedModel, suffix: string): StoredModel => ({ options: { model } as RuleBasedOptions, suffix });

/**
 * The models whose default-option credits are kept in touch_credits, with their column suffix
 * (credit_<suffix>, share_<suffix>), in the columns' order. Changing this list needs a migration
 * that adds the columns and marks every deal stale.
 */
export const STORED_CREDIT_MODELS: readonly StoredModel[] = [
  stored(RuleBasedModel.FIRST_TOUCH, 'first_touch'),
  stored(RuleBasedModel.LAST_TOUCH, 'last_touch'),
  stored(RuleBasedModel.LAST_NON_DIRECT, 'last_non_direct'),
  stored(RuleBasedModel.LINEAR, 'linear'),
  stored(RuleBasedModel.POSITION_BASED, 'position_based'),
  stored(RuleBasedModel.U_SHAPED, 'u_shaped'),
  stored(RuleBasedModel.W_SHAPED, 'w_shaped'),
  stored(RuleBasedModel.FULL_PATH, 'full_path'),
  stored(RuleBasedModel.J_SHAPED, 'j_shaped'),
  stored(RuleBasedModel.INVERSE_J, 'inverse_j'),
  stored(RuleBasedModel.TIME_DECAY, 'time_decay'),
];

const SUFFIX = new Map(STORED_CREDIT_MODELS.map(({ options, suffix }) => [options.model, suffix]));

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/** The column suffix when these options are exactly a stored model's defaults; undefined otherwise. */
export function storedColumn(options: RuleBasedOptions): string | undefined {
  if (options.collapseRepeats) return undefined;
  if (options.model === RuleBasedModel.TIME_DECAY
    && (options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS) !== DEFAULT_HALF_LIFE_DAYS) return undefined;
  if (options.model === RuleBasedModel.LAST_NON_DIRECT
    && !sameList(options.directChannels ?? DEFAULT_DIRECT_CHANNELS, DEFAULT_DIRECT_CHANNELS)) return undefined;
  return SUFFIX.get(options.model);
}
