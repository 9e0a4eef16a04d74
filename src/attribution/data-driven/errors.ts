import { AttributionInputError } from '../attribution-input.error';

/** A path row that cannot describe real journeys (counts or value out of range). */
export class InvalidPathRowError extends AttributionInputError {
  constructor(readonly path: readonly string[], problem: string) {
    super(`Invalid path row ${formatPath(path)}: ${problem}`);
    this.name = 'InvalidPathRowError';
  }
}

/** SHAPLEY is exact, so its cost is 2^|keys| per journey: the spec caps a journey at 12 keys. */
export class TooManyKeysError extends AttributionInputError {
  constructor(readonly path: readonly string[], readonly limit: number) {
    super(`SHAPLEY handles at most ${limit} distinct keys per journey; journey ${formatPath(path)} has more`);
    this.name = 'TooManyKeysError';
  }
}

/** A MARKOV order other than 1-4. */
export class InvalidMarkovOrderError extends AttributionInputError {
  constructor(readonly order: number) {
    super(`MARKOV order must be an integer from 1 to 4, got ${order}`);
    this.name = 'InvalidMarkovOrderError';
  }
}

function formatPath(path: readonly string[]): string {
  return JSON.stringify(path.join(' > '));
}
