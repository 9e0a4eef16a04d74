import fc from 'fast-check';
import { referenceMarkov } from '../../../test/support/markov-reference';
import { DENSE_LIMIT } from './absorption';
import { forEachComponent } from './components';
import { markovAttribution } from './markov';
import { buildMarkovChain } from './markov-chain';
import { canonicalRows } from './path-input';
import { buildPathTable } from './path-table';
import { PathRow } from './types';

const KEYS = ['a', 'b', 'c', 'd', 'e'];

// Every shape that has tripped a chain builder: empty journeys, single keys, a key repeated
// (a self-loop once repeats are not collapsed), and mixed paths with repeats.
const path = fc.oneof(
  fc.constant<string[]>([]),
  fc.constantFrom(...KEYS).map((key) => [key]),
  fc.tuple(fc.constantFrom(...KEYS), fc.integer({ min: 2, max: 6 })).map(([key, times]) => new Array<string>(times).fill(key)),
  fc.array(fc.constantFrom(...KEYS), { minLength: 2, maxLength: 8 }),
);

const row = fc.record({ path, journeys: fc.integer({ min: 0, max: 40 }) })
  .chain(({ path: keys, journeys }) => fc.integer({ min: 0, max: journeys }).chain((conversions) => fc
    .bigInt({ min: 0n, max: conversions === 0 ? 0n : 10n ** 9n })
    .map((value): PathRow => ({ path: keys, journeys, conversions, value }))));

const rows = fc.array(row, { minLength: 1, maxLength: 25 });

describe.each([1, 2, 3, 4])('MARKOV order %i against a dense solve written apart', (order) => {
  test('P(conv), every removal effect and the split of the value agree to 1e-9', () => {
    fc.assert(fc.property(rows, (input) => {
      const result = markovAttribution(input, { order });
      const expected = referenceMarkov(input, order);
      expect(Math.abs(result.conversionProbability - expected.conversionProbability)).toBeLessThanOrEqual(1e-9);
      const effects = new Map(expected.removalEffects.map(({ key, effect }) => [key, effect]));
      result.removalEffects.forEach(({ key, effect }) => {
        expect(Math.abs(effect - (effects.get(key) ?? 0))).toBeLessThanOrEqual(1e-9);
      });
      // Credit of a key = value of the touched converting journeys x RE / sum(RE), within one unit.
      const value = input.filter(({ path: keys }) => keys.length > 0).reduce((sum, { value: v }) => sum + v, 0n);
      const sumOfEffects = expected.removalEffects.reduce((sum, { effect }) => sum + effect, 0);
      if (sumOfEffects > 1e-6) {
        result.credits.forEach(({ key, amountMinor }) => {
          const quota = (Number(value) * (effects.get(key) ?? 0)) / sumOfEffects;
          expect(Math.abs(Number(amountMinor) - quota)).toBeLessThanOrEqual(1 + quota * 1e-8);
        });
      }
    }));
  });

  test('journeys without touches change nothing: not P(conv), not the effects, not the credits', () => {
    fc.assert(fc.property(rows, fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 50 }), (input, journeys, conversions) => {
      const withEmpty = [...input, { path: [], journeys: journeys + conversions, conversions, value: BigInt(conversions) * 100n }];
      const withoutEmpty = markovAttribution(input, { order });
      const result = markovAttribution(withEmpty, { order });
      expect(result.conversionProbability).toBe(withoutEmpty.conversionProbability);
      expect(result.removalEffects).toEqual(withoutEmpty.removalEffects);
      expect(result.credits).toEqual(withoutEmpty.credits);
      expect(result.transitions.list()).toEqual(withoutEmpty.transitions.list());
    }));
  });
});

test('MARKOV order 3 with a block of hundreds of states, solved by iteration, agrees with the dense solve to 1e-9', () => {
  let seed = 11;
  const random = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
    return seed / 2 ** 32;
  };
  const keys = KEYS.concat('f');
  const input = Array.from({ length: 700 }, (): PathRow => {
    const path = Array.from({ length: 2 + Math.floor(random() * 9) }, () => keys[Math.floor(random() * keys.length)]);
    const conversions = random() < 0.3 ? 1 : 0;
    return { path, journeys: 1 + Math.floor(random() * 3), conversions, value: BigInt(conversions * 1000) };
  });
  const table = buildPathTable(canonicalRows(input));
  const chain = buildMarkovChain(table.keys.length, table.paths, 3);
  let largest = 0;
  forEachComponent(chain, new Uint8Array(chain.stateKeys.length).fill(1), 0, (members) => { largest = Math.max(largest, members.length); });
  expect(largest).toBeGreaterThan(3 * DENSE_LIMIT);

  const result = markovAttribution(input, { order: 3 });
  const expected = referenceMarkov(input, 3);
  expect(Math.abs(result.conversionProbability - expected.conversionProbability)).toBeLessThanOrEqual(1e-9);
  expect(result.removalEffects.map(({ key }) => key)).toEqual(expected.removalEffects.map(({ key }) => key));
  result.removalEffects.forEach(({ effect }, index) => {
    expect(effect).toBeGreaterThan(0);
    expect(Math.abs(effect - expected.removalEffects[index].effect)).toBeLessThanOrEqual(1e-9);
  });
});
