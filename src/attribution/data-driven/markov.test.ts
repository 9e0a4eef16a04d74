import { InvalidMarkovOrderError } from './errors';
import { markovAttribution } from './markov';
import { row } from './path-row.fixture';

const specExample = [row('A>B', 2, 1), row('A', 1, 2), row('B', 1, 1), row('B>A', 0, 1)];

describe('markovAttribution', () => {
  test('the worked example of the spec', () => {
    const result = markovAttribution(specExample);
    expect(result.conversionProbability).toBeCloseTo(4 / 9, 12);
    expect(result.removalEffects.map(({ key }) => key)).toEqual(['A', 'B']);
    expect(result.removalEffects[0].effect).toBeCloseTo(0.625, 12);
    expect(result.removalEffects[1].effect).toBeCloseTo(11 / 14, 12);
    expect(result.removalEffects[1].effect.toFixed(4)).toBe('0.7857');
    // 4 conversions of 10,000 minor units: A gets 35/79 of 40,000 = 17,721.52.
    expect(result.credits).toEqual([
      { key: 'A', amountMinor: 17_722n, dealCredit: expect.closeTo(1.7722, 4) },
      { key: 'B', amountMinor: 22_278n, dealCredit: expect.closeTo(2.2278, 4) },
    ]);
    expect(result.unattributed).toEqual([]);
  });

  test('returns every transition of the worked example, most probable first', () => {
    const described = markovAttribution(specExample).transitions.list().map(({ from, to, probability }) => [
      from.kind === 'KEYS' ? from.keys.join('>') : from.kind,
      to.kind === 'KEYS' ? to.keys.join('>') : to.kind,
      probability,
    ]);
    expect(described).toEqual([
      ['START', 'A', 6 / 9],
      ['B', 'CONVERSION', 3 / 6],
      ['A', 'B', 3 / 7],
      ['A', 'NULL', 3 / 7],
      ['START', 'B', 3 / 9],
      ['B', 'NULL', 2 / 6],
      ['B', 'A', 1 / 6],
      ['A', 'CONVERSION', 1 / 7],
    ]);
  });

  test.each([
    {
      name: 'a single key takes everything',
      rows: [row('A', 3, 7)],
      probability: 0.3,
      effects: [1],
      amounts: [30_000n],
    },
    {
      name: 'a key only on non-converting dead ends gets nothing',
      rows: [row('A', 2, 2), row('A>X', 0, 5)],
      probability: 2 / 9,
      effects: [1, 0],
      amounts: [20_000n, 0n],
    },
    {
      name: 'two keys always together share equally',
      rows: [row('A>B', 1, 1)],
      probability: 0.5,
      effects: [1, 1],
      amounts: [5_000n, 5_000n],
    },
  ])('$name', ({ rows, probability, effects, amounts }) => {
    const result = markovAttribution(rows);
    expect(result.conversionProbability).toBeCloseTo(probability, 12);
    result.removalEffects.forEach(({ effect }, index) => expect(effect).toBeCloseTo(effects[index], 12));
    expect(result.credits.map(({ amountMinor }) => amountMinor)).toEqual(amounts);
  });

  test('over more keys than order 1 counts in a matrix, the same result', () => {
    // Rows without journeys add keys, not transitions: 2,000 of them.
    const idle = Array.from({ length: 2000 }, (_, index) => row(`Z${index}`, 0, 0));
    const result = markovAttribution([...specExample, ...idle]);
    expect(result.conversionProbability).toBeCloseTo(4 / 9, 12);
    expect(result.credits.filter(({ amountMinor }) => amountMinor > 0n)).toEqual(markovAttribution(specExample).credits);
    expect(result.transitions.list()).toEqual(markovAttribution(specExample).transitions.list());
  });

  test('a revisited key makes a cycle, solved exactly', () => {
    // START->A 1; A->B 1; B->A 1/2, B->CONV 1/4, B->NULL 1/4: P = 1/4 / (1 - 1/2) = 1/2.
    const result = markovAttribution([row('A>B>A>B', 1, 0), row('A>B', 0, 1)]);
    expect(result.conversionProbability).toBeCloseTo(0.5, 12);
    expect(result.removalEffects.map(({ effect }) => effect)).toEqual([1, 1]);
  });

  test('with repeats not collapsed, a self-loop is solved in closed form', () => {
    // A->A 1/3, A->CONV 1/3, A->NULL 1/3: P = (1/3) / (1 - 1/3) = 1/2.
    expect(markovAttribution([row('A>A', 1, 0), row('A', 0, 1)]).conversionProbability).toBeCloseTo(0.5, 12);
  });

  describe('higher orders', () => {
    test('order 2 states are runs of two keys; a shorter path is one state of its whole run', () => {
      const result = markovAttribution([row('A>B>C', 1, 0), row('A', 0, 1)], { order: 2 });
      const states = new Set(result.transitions.list().flatMap(({ from, to }) => [from, to])
        .filter(({ kind }) => kind === 'KEYS').map(({ keys }) => keys.join('>')));
      expect([...states].sort()).toEqual(['A', 'A>B', 'B>C']);
      expect(result.conversionProbability).toBeCloseTo(0.5, 12);
    });

    test('removing a key removes every state that contains it', () => {
      // Every converting state contains B, so B's effect is 1; A and C sit in half of them.
      const result = markovAttribution([row('A>B', 1, 0), row('B>C', 1, 0)], { order: 2 });
      expect(result.removalEffects.map(({ effect }) => effect)).toEqual([0.5, 1, 0.5]);
      expect(result.credits.map(({ amountMinor }) => amountMinor)).toEqual([5_000n, 10_000n, 5_000n]);
    });

    test('order 1 and order 4 agree when every path is short', () => {
      const rows = [row('A', 1, 3), row('B', 2, 2), row('C', 0, 4)];
      expect(markovAttribution(rows, { order: 4 }).credits).toEqual(markovAttribution(rows).credits);
    });
  });

  describe('degenerate data', () => {
    test('no conversions: nothing credited, and the result says why', () => {
      const result = markovAttribution([row('A>B', 0, 3), row('B', 0, 1)]);
      expect(result.conversionProbability).toBe(0);
      expect(result.removalEffects.map(({ effect }) => effect)).toEqual([0, 0]);
      expect(result.credits.map(({ amountMinor }) => amountMinor)).toEqual([0n, 0n]);
      expect(result.unattributed).toEqual([{ reason: 'NO_CONVERSIONS', amountMinor: 0n, dealCredit: 0 }]);
    });

    test('no rows at all', () => {
      const result = markovAttribution([]);
      expect(result).toMatchObject({
        conversionProbability: 0,
        credits: [],
        transitions: { count: 0 },
        unattributed: [{ reason: 'NO_CONVERSIONS', amountMinor: 0n, dealCredit: 0 }],
      });
      expect(result.transitions.list()).toEqual([]);
    });

    test('converting journeys without touches stay unattributed beside the credited ones', () => {
      const result = markovAttribution([row('', 2, 0), row('A', 1, 1)]);
      expect(result.credits).toEqual([{ key: 'A', amountMinor: 10_000n, dealCredit: 1 }]);
      expect(result.unattributed).toEqual([{ reason: 'EMPTY_JOURNEY', amountMinor: 20_000n, dealCredit: 2 }]);
    });

    test('a path of hundreds of steps', () => {
      const long = Array.from({ length: 600 }, (_, index) => ['A', 'B', 'C'][index % 3]).join('>');
      for (const order of [1, 2, 3, 4]) {
        const result = markovAttribution([row(long, 1, 0), row('A>B', 0, 1)], { order });
        expect(result.conversionProbability).toBeCloseTo(0.5, 10);
        expect(result.credits.reduce((sum, { amountMinor }) => sum + amountMinor, 0n)).toBe(10_000n);
      }
    });

    test.each([0, 5, 1.5, Number.NaN])('refuses order %p', (order) => {
      expect(() => markovAttribution(specExample, { order })).toThrow(InvalidMarkovOrderError);
    });
  });
});
