import { JourneyTouch } from './journey';

/** Merges each run of consecutive touches with the same key into its first touch. */
export function collapseRepeats<T extends JourneyTouch>(journey: readonly T[]): T[] {
  return journey.filter((touch, index) => index === 0 || touch.key !== journey[index - 1].key);
}
