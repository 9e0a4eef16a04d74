import { AttributionInputError } from './attribution-input.error';
import { RuleBasedModel, RuleBasedOptions } from './rule-based-model';
import { POSITIONS, PositionWeights } from './position-models';

const WEIGHT_SUM_TOLERANCE = 1e-9;

function validateCustomWeights(weights: PositionWeights): void {
  const entries = POSITIONS.map((position) => [position, weights[position] ?? 0] as const);
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  const valid = entries.every(([, weight]) => Number.isFinite(weight) && weight >= 0)
    && Math.abs(total - 1) <= WEIGHT_SUM_TOLERANCE;
  if (!valid) {
    const listed = entries.map(([position, weight]) => `${position}=${weight}`).join(', ');
    throw new AttributionInputError(
      `CUSTOM weights must be non-negative and sum to 1; got ${listed} (sum ${total})`,
    );
  }
}

function validateHalfLife(halfLifeDays: number | undefined): void {
  if (halfLifeDays !== undefined && !(Number.isFinite(halfLifeDays) && halfLifeDays > 0)) {
    throw new AttributionInputError(`TIME_DECAY halfLifeDays must be a positive number of days; got ${halfLifeDays}`);
  }
}

/** Throws an AttributionInputError for options no journey could be attributed with. */
export function validateModelOptions(options: RuleBasedOptions): void {
  if (options.model === RuleBasedModel.CUSTOM) validateCustomWeights(options.weights);
  if (options.model === RuleBasedModel.TIME_DECAY) validateHalfLife(options.halfLifeDays);
}
