import {
  AttributionModel, DEFAULT_DIRECT_CHANNELS, DEFAULT_HALF_LIFE_DAYS, ModelOptions,
} from '../attribution/attribution-model';

/**
 * The models whose default-option credits are kept in touch_credits, with their column suffix
 * (credit_<suffix>, share_<suffix>). Changing this list needs a migration that adds the columns
 * and marks every deal stale.
 */
export const STORED_MODELS: ReadonlyArray<readonly [AttributionModel, string]> = [
  [AttributionModel.FIRST_TOUCH, 'first_touch'],
  [AttributionModel.LAST_TOUCH, 'last_touch'],
  [AttributionModel.LAST_NON_DIRECT, 'last_non_direct'],
  [AttributionModel.LINEAR, 'linear'],
  [AttributionModel.POSITION_BASED, 'position_based'],
  [AttributionModel.U_SHAPED, 'u_shaped'],
  [AttributionModel.W_SHAPED, 'w_shaped'],
  [AttributionModel.FULL_PATH, 'full_path'],
  [AttributionModel.J_SHAPED, 'j_shaped'],
  [AttributionModel.INVERSE_J, 'inverse_j'],
  [AttributionModel.TIME_DECAY, 'time_decay'],
];

const SUFFIX = new Map(STORED_MODELS);

export const storedModelOptions: ModelOptions[] = STORED_MODELS.map(([model]) => ({ model }) as ModelOptions);

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/** The column suffix when these options are exactly a stored model's defaults; undefined otherwise. */
export function storedColumn(options: ModelOptions): string | undefined {
  if (options.collapseRepeats) return undefined;
  if (options.model === AttributionModel.TIME_DECAY
    && (options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS) !== DEFAULT_HALF_LIFE_DAYS) return undefined;
  if (options.model === AttributionModel.LAST_NON_DIRECT
    && !sameList(options.directChannels ?? DEFAULT_DIRECT_CHANNELS, DEFAULT_DIRECT_CHANNELS)) return undefined;
  return SUFFIX.get(options.model);
}
