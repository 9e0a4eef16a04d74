import { DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionNode, SelectionSetNode } from 'graphql';

/** What MAX_QUERY_DEPTH and MAX_QUERY_ALIASES measure of one operation, its fragments expanded. */
export interface OperationShape {
  /** Fields on the longest path from the root to a leaf: `{ deals { nodes { id } } }` is 3. */
  depth: number;
  /** Aliased fields, each fragment counted once per spread. */
  aliases: number;
}

const EMPTY: OperationShape = { depth: 0, aliases: 0 };

function widest(shapes: OperationShape[]): OperationShape {
  return {
    depth: Math.max(0, ...shapes.map((shape) => shape.depth)),
    aliases: shapes.reduce((sum, shape) => sum + shape.aliases, 0),
  };
}

/**
 * Measures the operation the request runs. A fragment's shape does not depend on where it is
 * spread, so each is measured once: nested spreads cannot make this walk exponential.
 */
export function operationShape(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  const fragments = new Map(document.definitions
    .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
    .map((fragment) => [fragment.name.value, fragment]));
  const measured = new Map<string, OperationShape>();

  const ofFragment = (name: string): OperationShape => {
    const known = measured.get(name);
    if (known) return known;
    // A cycle (refused by validation anyway) adds nothing rather than recursing forever.
    measured.set(name, EMPTY);
    const shape = ofSet(fragments.get(name)?.selectionSet);
    measured.set(name, shape);
    return shape;
  };
  const ofSelection = (selection: SelectionNode): OperationShape => {
    if (selection.kind === Kind.FRAGMENT_SPREAD) return ofFragment(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return ofSet(selection.selectionSet);
    const inner = ofSet(selection.selectionSet);
    return { depth: inner.depth + 1, aliases: inner.aliases + (selection.alias ? 1 : 0) };
  };
  const ofSet = (set: SelectionSetNode | undefined): OperationShape => widest((set?.selections ?? []).map(ofSelection));

  return ofSet(operation.selectionSet);
}
