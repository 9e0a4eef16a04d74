import { collapseRepeats } from './collapse-repeats';

function journeyOfKeys(keys: string[]) {
  return keys.map((key, index) => ({ id: String(index + 1), occurredAt: new Date(index * 1000), channel: key, key }));
}

describe('collapseRepeats', () => {
  test.each([
    { keys: [], kept: [] },
    { keys: ['a'], kept: ['1'] },
    { keys: ['a', 'a', 'a'], kept: ['1'] },
    { keys: ['a', 'a', 'b', 'a', 'a'], kept: ['1', '3', '4'] },
    { keys: ['a', 'b', 'c'], kept: ['1', '2', '3'] },
  ])('$keys keeps the first touch of each run: $kept', ({ keys, kept }) => {
    expect(collapseRepeats(journeyOfKeys(keys)).map(({ id }) => id)).toEqual(kept);
  });
});
