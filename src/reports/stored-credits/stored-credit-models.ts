import {
  RuleBasedModel, DEFAULT_DIRECT_CHANNELS, DEFAULT_HALF_LIFE_DAYS, RuleBasedOptions,
} from '../../attribution/rule-based-model';

/**
 * The models whose default-option credits are kept in touch_credits, with their column suffix
 * (credit_<suffix>, share_<suffix>). Changing this list needs a migration that adds the columns
 * and marks every deal stale.
 */
export const STORED_MODELS: ReadonlyArray<readonly [RuleBasedModel, string]> = [
  [RuleBasedModel.FIRST_TOUCH, 'first_touch'],
  [RuleBasedModel.LAST_TOUCH, 'last_touch'],
  [RuleBasedModel.LAST_NON_DIRECT, 'last_non_direct'],
  [RuleBasedModel.LINEAR, 'linear'],
  [RuleBasedModel.POSITION_BASED, 'position_based'],
  [RuleBasedModel.U_SHAPED, 'u_shaped'],
  [RuleBasedModel.W_SHAPED, 'w_shaped'],
  [RuleBasedModel.FULL_PATH, 'full_path'],
  [RuleBasedModel.J_SHAPED, 'j_shaped'],
  [RuleBasedModel.INVERSE_J, 'inverse_j'],
  [RuleBasedModel.TIME_DECAY, 'time_decay'],
];

const SUFFIX = new Map(STORED_MODELS);

/** A stored model with its default options and column suffix. */
export interface StoredModel {
  readonly options: RuleBasedOptions;
  readonly suffix: string;
}

/** Every stored model, in STORED_MODELS' order: the process credits each journey under all of them. */
export const STORED_CREDIT_MODELS: readonly StoredModel[] = STORED_MODELS.map(([model, suffix]) => ({ options: { model } as RuleBasedOptions, suffix }));

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
