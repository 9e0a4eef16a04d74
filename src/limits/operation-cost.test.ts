import { getIntrospectionQuery, getOperationAST, parse } from 'graphql';
import { appSchema } from '../schema';
import { operationCost } from './operation-cost';

const MAX = 20_000;

const costOf = (source: string, variables?: Record<string, unknown>, maxCost = MAX) => {
  const document = parse(source);
  return operationCost(appSchema(), document, getOperationAST(document)!, variables, maxCost);
};

describe('operationCost', () => {
  test.each([
    ['a field costs 1, an object 1 plus its selection', '{ node(id: "x") { id __typename } }', 3],
    ['the dataset summary counts whole tables', '{ datasetSummary { deals } }', 100 + 1],
    ['a page costs its selection once per item, 20 by default', '{ deals { nodes { id name } } }', 1 + 20 * 3],
    ['first sets the page size', '{ deals(first: 5) { totalCount nodes { id } } }', 1 + 5 * 3],
    ['so does last', '{ deals(last: 2) { nodes { id } } }', 1 + 2 * 2],
    ['nested pages multiply', '{ deals(first: 10) { nodes { history(first: 4) { nodes { status } } } } }', 1 + 10 * (1 + (1 + 4 * 2))],
    ['a report costs a fixed amount plus its selection', '{ attribution(input: { model: LINEAR }) { currency } }', 1200 + 1],
    ['each compared model adds to the report', '{ compareModels(input: { models: [LINEAR, FIRST_TOUCH, MARKOV] }) { currency } }', 1000 + 3 * 200 + 1],
    ['a ranked list costs the ranking plus each listed lead', '{ leadsByScore(input: { limit: 10 }) { id } }', 1000 + 10 * 1],
    ['a deal journey costs per model, per deal of the page', '{ deals(first: 3) { nodes { journey(input: { models: [LINEAR, U_SHAPED] }) { basis } } } }', 1 + 3 * (1 + 20 + 1)],
    ['an ingestion costs one per item', 'mutation { upsertAccounts(input: { accounts: [{ externalId: "A", name: "A" }, { externalId: "B", name: "B" }] }) { created } }', 1 + 2 + 1],
  ])('%s', (_rule, source, cost) => {
    expect(costOf(source)).toBe(cost);
  });

  test('uses the request variables', () => {
    const source = 'query($first: Int) { deals(first: $first) { nodes { id } } }';
    expect(costOf(source, { first: 2 })).toBe(1 + 2 * 2);
    expect(costOf(source, { first: 100 })).toBe(1 + 100 * 2);
    expect(costOf(source, {})).toBe(1 + 20 * 2);
  });

  test('is null when the variables do not fit the operation (execution refuses those)', () => {
    expect(costOf('query($first: Int!) { deals(first: $first) { nodes { id } } }', { first: 'many' })).toBeNull();
  });

  test('gives up just over the limit on exponentially nested spreads', () => {
    const fragments = Array.from({ length: 30 }, (_, level) => level < 29
      ? `fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`
      : 'fragment F29 on Query { __typename }');
    expect(costOf(`{ ...F0 } ${fragments.join(' ')}`, undefined, 500)).toBe(501);
  });

  test('the standard introspection query is cheap', () => {
    expect(costOf(getIntrospectionQuery())).toBeLessThan(1000);
  });
});
