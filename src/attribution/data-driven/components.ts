import { SparseRows } from './markov-chain';

/**
 * Tarjan's strongly connected components of the sub-graph of `include`d states reachable from
 * `root`, iterative so that long chains cannot overflow the call stack. `visit` receives each
 * component after every component it can reach: sinks first, the order in which absorption
 * probabilities can be solved block by block. O(states + transitions).
 */
export function forEachComponent(
  graph: SparseRows,
  include: Uint8Array,
  root: number,
  visit: (members: number[]) => void,
): void {
  const { offsets, targets } = graph;
  const index = new Int32Array(include.length).fill(-1);
  const low = new Int32Array(include.length);
  const onStack = new Uint8Array(include.length);
  const stack: number[] = [];
  const path: number[] = [];
  const cursors: number[] = [];
  let counter = 0;
  const open = (state: number) => {
    index[state] = low[state] = counter++;
    stack.push(state);
    onStack[state] = 1;
    path.push(state);
    cursors.push(offsets[state]);
  };
  open(root);
  while (path.length > 0) {
    const top = path.length - 1;
    const state = path[top];
    const cursor = cursors[top];
    if (cursor < offsets[state + 1]) {
      cursors[top] = cursor + 1;
      const target = targets[cursor];
      if (!include[target]) continue;
      if (index[target] < 0) open(target);
      else if (onStack[target]) low[state] = Math.min(low[state], index[target]);
      continue;
    }
    path.pop();
    cursors.pop();
    if (top > 0) low[path[top - 1]] = Math.min(low[path[top - 1]], low[state]);
    if (low[state] === index[state]) visit(popComponent(stack, onStack, state));
  }
}

function popComponent(stack: number[], onStack: Uint8Array, root: number): number[] {
  const members: number[] = [];
  let member: number;
  do {
    member = stack.pop() as number;
    onStack[member] = 0;
    members.push(member);
  } while (member !== root);
  return members;
}

const INSIDE = 1;
const SEEN = 2;

/**
 * The members of one component in reverse post-order of a depth-first search inside it, from
 * each member in turn: a state comes before the states it leads to, except along the few
 * transitions that close cycles. O(members + their transitions). `mark` (per state of the graph,
 * all 0, and left so) flags the members, 1, and those seen, 2: flags, not Sets, as a block has
 * 10^5 states; a caller with many components passes one, as filling one per call would cost more.
 */
export function depthFirstOrder(graph: SparseRows, members: readonly number[], mark = new Uint8Array(graph.offsets.length - 1)): number[] {
  if (members.length === 1) return [...members];
  const { offsets, targets } = graph;
  members.forEach((member) => { mark[member] = INSIDE; });
  const finished: number[] = [];
  const path: number[] = [];
  const cursors: number[] = [];
  for (const root of members) {
    if (mark[root] === SEEN) continue;
    mark[root] = SEEN;
    path.push(root);
    cursors.push(offsets[root]);
    while (path.length > 0) {
      const top = path.length - 1;
      const state = path[top];
      if (cursors[top] < offsets[state + 1]) {
        const target = targets[cursors[top]];
        cursors[top] += 1;
        if (mark[target] === INSIDE) {
          mark[target] = SEEN;
          path.push(target);
          cursors.push(offsets[target]);
        }
        continue;
      }
      path.pop();
      cursors.pop();
      finished.push(state);
    }
  }
  members.forEach((member) => { mark[member] = 0; });
  return finished.reverse();
}
