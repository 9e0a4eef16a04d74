import fc from 'fast-check';
import { depthFirstOrder } from './components';
import { SparseRows } from './markov-chain';

/** Compressed rows of a graph given as target lists. */
function toRows(lists: readonly (readonly number[])[]): SparseRows {
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((targets, state) => { offsets[state + 1] = offsets[state] + targets.length; });
  return { offsets, targets: Int32Array.from(lists.flat()) };
}

describe('depthFirstOrder', () => {
  test('lists each member once, and nothing else', () => {
    const graph = fc.integer({ min: 1, max: 30 }).chain((size) => fc.array(
      fc.array(fc.integer({ min: 0, max: size - 1 }), { maxLength: 4 }), { minLength: size, maxLength: size },
    ));
    fc.assert(fc.property(graph, (lists) => {
      const members = lists.map((_, state) => state).filter((state) => state % 3 !== 1);
      const order = depthFirstOrder(toRows(lists), members);
      expect([...order].sort((a, b) => a - b)).toEqual(members);
    }));
  });

  test('on a graph without cycles, puts every state before the states it leads to', () => {
    // Transitions only from lower to higher ranks, with states numbered in a shuffled order.
    const graph = fc.integer({ min: 1, max: 30 }).chain((size) => fc.tuple(
      fc.array(fc.array(fc.integer({ min: 1, max: size }), { maxLength: 4 }), { minLength: size, maxLength: size }),
      fc.shuffledSubarray([...Array(size).keys()], { minLength: size, maxLength: size }),
    ));
    fc.assert(fc.property(graph, ([steps, stateAt]) => {
      const lists: number[][] = stateAt.map(() => []);
      steps.forEach((forward, rank) => forward.filter((step) => rank + step < stateAt.length)
        .forEach((step) => lists[stateAt[rank]].push(stateAt[rank + step])));
      const order = depthFirstOrder(toRows(lists), [...Array(stateAt.length).keys()]);
      const position = new Map(order.map((state, at) => [state, at]));
      lists.forEach((targets, state) => targets.forEach((target) => {
        expect(position.get(state)!).toBeLessThan(position.get(target)!);
      }));
    }));
  });
});
