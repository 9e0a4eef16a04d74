import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** A weighted choice: `weight` is relative, not a probability. */
export interface Weighted<T> {
  value: T;
  weight: number;
}

/**
 * Seeded randomness for the demo data: the same seed gives the same data on every run and
 * platform (no Math.random, and no transcendental maths whose last bit may differ by engine).
 */
export class SeededRandom {
  private readonly rng: RandomGenerator;

  constructor(seed: number | RandomGenerator) {
    this.rng = typeof seed === 'number' ? xoroshiro128plus(seed) : seed;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  /** A float in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(values: readonly T[]): T {
    return values[this.int(0, values.length - 1)];
  }

  weighted<T>(choices: readonly Weighted<T>[]): T {
    const total = choices.reduce((sum, choice) => sum + choice.weight, 0);
    let point = this.float() * total;
    for (const choice of choices) {
      point -= choice.weight;
      if (point < 0) return choice.value;
    }
    return choices[choices.length - 1].value;
  }
}

/**
 * Independent random streams by index (the n-th starts 2^64 draws after the (n-1)-th), so that
 * a slice of the data can be generated on its own and still come out the same.
 */
export class RandomStreams {
  private readonly jumper: JumpableRandomGenerator;
  private position = 0;

  constructor(seed: number) {
    this.jumper = xoroshiro128plus(seed);
  }

  /** The stream of `index`; indexes must be asked for in increasing order. */
  at(index: number): SeededRandom {
    for (; this.position < index; this.position++) this.jumper.jump();
    return new SeededRandom(this.jumper.clone());
  }
}
