import { campaignItem, dealItem, leadItem, seed } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';
import { logger } from '../src/logger';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seed(app, 'campaigns', [campaignItem('C1')]);
  await seed(app, 'leads', [leadItem('L1')]);
  await seed(app, 'deals', [dealItem('D1', { name: 'Zeta' }), dealItem('D2', { name: 'Alpha', createdAt: '2025-02-02T00:00:00Z' })]);
});
afterAll(async () => { await app.stop(); });

async function refused(query: string, variables?: Record<string, unknown>) {
  const body = await app.gql(query, variables);
  expect(body.errors).toHaveLength(1);
  return body.errors![0];
}

describe('bad arguments are BAD_USER_INPUT, naming the argument and the limit', () => {
  const deals = (args: string) => `{ deals(${args}) { nodes { id } } }`;
  test.each([
    [deals('first: 0'), 'first must be between 1 and 100', 'first'],
    [deals('first: 5, last: 5'), 'first and last cannot be used together', 'last'],
    [deals('after: "garbage"'), 'after is not a cursor of this list', 'after'],
    [deals('first: 2, before: "garbage"'), 'before cannot be used with first', 'before'],
    [deals('createdAt: { from: "2025-02-01T00:00:00Z", to: "2025-01-01T00:00:00Z" }'), 'createdAt.to must be after createdAt.from', 'createdAt'],
    [deals('accountId: "not-an-id"'), 'accountId is not an id of this API', 'accountId'],
    ['{ deal(id: "not-an-id") { id } }', 'id is not an id of this API', 'id'],
    ['{ leads { nodes { touches(first: 0) { nodes { id } } } } }', 'first must be between 1 and 100', 'first'],
    ['{ campaigns { nodes { spend(from: "2025-02-01", to: "2025-01-01") { amount } } } }', 'to must be after from', 'to'],
  ])('%s', async (query, message, argumentName) => {
    const error = await refused(query);
    expect(error.message).toContain(message);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });

  test('the page size limits are in the extensions', async () => {
    const error = await refused('{ leads(first: 0) { nodes { id } } }');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'first', min: 1, max: 100 });
  });

  test.each([['first', 101], ['last', 500]])('%s: %d is over the page size limit, which the refusal names', async (argumentName, size) => {
    const error = await refused(deals(`${argumentName}: ${size}`));
    expect(error.message).toBe(`Request refused: ${argumentName} ${size} is over the limit MAX_PAGE_SIZE = 100`);
    expect(error.extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 'MAX_PAGE_SIZE', max: 100, actual: size });
  });

  test('an id of another type is refused, naming both types', async () => {
    const { data } = await app.gql('{ leadByExternalId(externalId: "L1") { id } }');
    const error = await refused('query($id: ID!) { deal(id: $id) { id } }', { id: data!.leadByExternalId.id });
    expect(error.message).toBe('id is the id of a Lead; a Deal id is needed');
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
  });

  test('a cursor taken in another order is refused', async () => {
    const { data } = await app.gql('{ deals(first: 1, orderBy: { field: NAME }) { pageInfo { endCursor } } }');
    const error = await refused('query($after: String) { deals(after: $after, orderBy: { field: AMOUNT }) { nodes { id } } }',
      { after: data!.deals.pageInfo.endCursor });
    expect(error.message).toContain('after is not a cursor of this list in AMOUNT order');
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
  });

  test('a currency that is not ISO 4217 is refused', async () => {
    const error = await refused('query($c: CurrencyCode) { deals(currency: $c) { nodes { id } } }', { c: 'XYZ' });
    expect(error.message).toContain('"XYZ" is not an ISO 4217 currency code');
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

test('internal errors are masked for the client and logged with the request id', async () => {
  const logged = jest.spyOn(logger, 'error');
  await app.dataSource.query('ALTER TABLE deal_changes RENAME TO deal_changes_moved');
  try {
    const body = await app.gql('{ deals { nodes { name history { nodes { status } } } } }');
    expect(body.errors!.length).toBeGreaterThan(0);
    const [error] = body.errors!;
    expect(error).toEqual({
      message: 'Internal server error',
      locations: expect.any(Array),
      path: ['deals', 'nodes', expect.any(Number), 'history'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    expect(JSON.stringify(body)).not.toMatch(/deal_changes|SELECT|relation|stack|at /i);
    const requestIds = logged.mock.calls.map(([entry]) => (entry as { err?: { requestId?: string } }).err?.requestId);
    expect(requestIds).toContain(error.extensions!.requestId);
  } finally {
    await app.dataSource.query('ALTER TABLE deal_changes_moved RENAME TO deal_changes');
    logged.mockRestore();
  }
});

describe('field suggestions', () => {
  const misspelt = '{ deals { nodes { nmae } } }';
  let production: TestApp;
  beforeAll(async () => { production = await startTestApp({ NODE_ENV: 'production' }); });
  afterAll(async () => { await production.stop(); });

  test('are shown in development', async () => {
    const error = await refused(misspelt);
    expect(error.message).toContain('Did you mean "name"?');
  });

  test('are hidden in production', async () => {
    const body = await production.gql(misspelt);
    expect(body.errors![0].message).toBe('Cannot query field "nmae" on type "Deal".');
    expect(body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
