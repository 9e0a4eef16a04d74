import { getIntrospectionQuery, getOperationAST, parse } from 'graphql';
import { operationShape } from './operation-shape';

const shapeOf = (source: string, operationName?: string) => {
  const document = parse(source);
  return operationShape(document, getOperationAST(document, operationName)!);
};

describe('operationShape', () => {
  test.each([
    ['{ __typename }', { depth: 1, aliases: 0 }],
    ['{ deals { nodes { id } } }', { depth: 3, aliases: 0 }],
    ['{ a: deals { nodes { id } } b: datasetSummary { c: deals } }', { depth: 3, aliases: 3 }],
    ['{ deals { ...page } } fragment page on DealConnection { nodes { x: id } }', { depth: 3, aliases: 1 }],
    ['{ node(id: "x") { ... on Deal { account { name } } } }', { depth: 3, aliases: 0 }],
    // A fragment counts once per spread, wherever it is spread.
    ['{ a: deals { ...ids } b: deals { ...ids } } fragment ids on DealConnection { nodes { one: id two: id } }', { depth: 3, aliases: 6 }],
  ])('%s', (source, shape) => {
    expect(shapeOf(source)).toEqual(shape);
  });

  test('measures only the operation the request runs', () => {
    const source = 'query Deep { deals { nodes { account { name } } } } query Shallow { x: __typename }';
    expect(shapeOf(source, 'Shallow')).toEqual({ depth: 1, aliases: 1 });
  });

  test('nested spreads are measured once each, not once per path', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, level) => level + 1 < levels
      ? `fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`
      : `fragment F${level} on Query { x: __typename }`);
    expect(shapeOf(`{ ...F0 } ${fragments.join(' ')}`)).toEqual({ depth: 1, aliases: 2 ** (levels - 1) });
  });

  test('the standard introspection query is 15 fields deep: the default MAX_QUERY_DEPTH', () => {
    const everything = { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true };
    expect(shapeOf(getIntrospectionQuery(everything))).toEqual({ depth: 15, aliases: 0 });
  });
});
