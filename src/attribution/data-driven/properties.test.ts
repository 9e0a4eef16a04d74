import fc from 'fast-check';
import { counterfactualAttribution } from './counterfactual';
import { MarkovResult, markovAttribution } from './markov';
import { shapleyAttribution } from './shapley';
import { DataDrivenResult, PathInput, PathRow } from './types';

const rowArbitrary = fc.record({
  path: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 7 }),
  journeys: fc.integer({ min: 0, max: 30 }),
}).chain(({ path, journeys }) => fc.integer({ min: 0, max: journeys }).chain((conversions) => fc
  .bigInt({ min: 0n, max: conversions === 0 ? 0n : 10n ** 12n })
  .map((value): PathRow => ({ path, journeys, conversions, value }))));

const rowsArbitrary = fc.array(rowArbitrary, { maxLength: 30 });

const models: [string, (input: PathInput) => DataDrivenResult][] = [
  ...[1, 2, 3, 4].map((order): [string, (input: PathInput) => DataDrivenResult] => [
    `MARKOV order ${order}`, (input) => markovAttribution(input, { order }),
  ]),
  ['COUNTERFACTUAL', counterfactualAttribution],
  ['SHAPLEY', shapleyAttribution],
];

/** A result with its path table built, so that results compare as data. */
/** A result with what it lists on demand listed: its path table, and MARKOV's transitions. */
function settled({ pathTable, ...result }: DataDrivenResult | MarkovResult) {
  return 'transitions' in result ? { ...result, pathTable: pathTable(), transitions: result.transitions.list() } : { ...result, pathTable: pathTable() };
}

/** The same journeys with every evenly divisible row split into two equal rows. */
function halved(rows: readonly PathRow[]): PathRow[] {
  return rows.flatMap((row) => {
    if (row.journeys % 2 !== 0 || row.conversions % 2 !== 0 || row.value % 2n !== 0n) return [row];
    const half = { ...row, journeys: row.journeys / 2, conversions: row.conversions / 2, value: row.value / 2n };
    return [half, half];
  });
}

describe.each(models)('%s', (_name, model) => {
  test('credits are non-negative and, with the unattributed, sum exactly to the converting value', () => {
    fc.assert(fc.property(rowsArbitrary, (rows) => {
      const result = model(rows);
      const total = rows.reduce((sum, row) => sum + row.value, 0n);
      const conversions = rows.reduce((sum, row) => sum + row.conversions, 0);
      const credited = result.credits.reduce((sum, credit) => sum + credit.amountMinor, 0n);
      const unattributed = result.unattributed.reduce((sum, part) => sum + part.amountMinor, 0n);
      expect(credited + unattributed).toBe(total);
      result.credits.forEach(({ amountMinor, dealCredit }) => {
        expect(amountMinor >= 0n).toBe(true);
        expect(Number.isFinite(dealCredit) && dealCredit >= 0).toBe(true);
      });
      const dealCredits = [...result.credits, ...result.unattributed].reduce((sum, part) => sum + part.dealCredit, 0);
      expect(dealCredits).toBeCloseTo(conversions, 6);
      expect(result.credits.map(({ key }) => key)).toEqual([...new Set(rows.flatMap(({ path }) => path))].sort());
    }));
  });

  test('lists the path table it learned from: each non-empty path once with its rows\' sums, in path order', () => {
    fc.assert(fc.property(rowsArbitrary, (rows) => {
      const sums = new Map<string, PathRow>();
      for (const { path, journeys, conversions, value } of rows) {
        const sum = sums.get(JSON.stringify(path)) ?? { path, journeys: 0, conversions: 0, value: 0n };
        sums.set(JSON.stringify(path), { path, journeys: sum.journeys + journeys, conversions: sum.conversions + conversions, value: sum.value + value });
      }
      const byPath = (a: PathRow, b: PathRow) => (a.path.join('\0') < b.path.join('\0') ? -1 : 1);
      const { keys, rows: listed } = model(rows).pathTable();
      expect(keys).toEqual([...keys].sort());
      expect(listed.map(({ ids, journeys, conversions, value }) => ({ path: ids.map((id) => keys[id]), journeys, conversions, value })))
        .toEqual([...sums.values()].filter((row) => row.journeys > 0 && row.path.length > 0).sort(byPath));
    }));
  });

  test('numbered keys, in any numbering, give what string paths give', () => {
    fc.assert(fc.property(rowsArbitrary, fc.nat(), (rows, shift) => {
      // The keys of the rows, backwards and rotated.
      const used = [...new Set(rows.flatMap(({ path }) => path))].sort().reverse();
      const keys = used.map((_, index) => used[(index + shift) % used.length]);
      const keyed = { keys, rows: rows.map(({ path, ...counts }) => ({ ids: path.map((key) => keys.indexOf(key)), ...counts })) };
      expect(settled(model(keyed))).toEqual(settled(model(rows)));
    }));
  });

  test('deterministic, and independent of the order and the split of the rows', () => {
    fc.assert(fc.property(
      rowsArbitrary.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))),
      ([rows, shuffled]) => {
        const result = settled(model(rows));
        expect(settled(model(rows))).toEqual(result);
        expect(settled(model(shuffled))).toEqual(result);
        expect(settled(model(halved(rows)))).toEqual(result);
      },
    ));
  });
});

describe('MARKOV diagnostics', () => {
  test('probabilities and removal effects lie in [0, 1]; each state\'s transitions sum to 1', () => {
    fc.assert(fc.property(rowsArbitrary, fc.integer({ min: 1, max: 4 }), (rows, order) => {
      const result = markovAttribution(rows, { order });
      expect(result.conversionProbability >= 0 && result.conversionProbability <= 1).toBe(true);
      result.removalEffects.forEach(({ effect }) => expect(effect >= 0 && effect <= 1).toBe(true));
      const outgoing = new Map<string, number>();
      result.transitions.list().forEach(({ from, probability }) => {
        const id = JSON.stringify(from);
        outgoing.set(id, (outgoing.get(id) ?? 0) + probability);
      });
      outgoing.forEach((sum) => expect(sum).toBeCloseTo(1, 12));
    }));
  });

  test('the first n transitions are the first n of the whole list (ties included), and count is its length', () => {
    fc.assert(fc.property(rowsArbitrary, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 30 }), (rows, order, first) => {
      const { transitions } = markovAttribution(rows, { order });
      const all = transitions.list();
      expect(transitions.count).toBe(all.length);
      expect(transitions.list(first)).toEqual(all.slice(0, first));
    }));
  });
});
