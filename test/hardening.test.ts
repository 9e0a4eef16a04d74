import { leadItem, seed } from './support/factories';
import { postBody, RawGraphQLResponse } from './support/post-graphql';
import { startTestApp, TestApp } from './support/test-app';

// Requests an attacker or a careless client sends: each is refused with a 4xx and a code that
// names the problem, before any expensive work, never with a 500 or INTERNAL_SERVER_ERROR.
let app: TestApp;
beforeAll(async () => { app = await startTestApp({ RATE_LIMIT_PER_MINUTE: 1_000_000 }); });
afterAll(async () => { await app.stop(); });

const send = (body: string, key = app.adminKey) => postBody(app.url, body, { authorization: `Bearer ${key}` });
const errorsOf = (response: RawGraphQLResponse) => ({
  status: response.status, codes: (response.body.errors ?? []).map((error) => error.extensions?.code),
});

/** JSON text nested `depth` arrays deep, built as text: JSON.stringify could not build it. */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('bodies refused before any expensive work', () => {
  test('without a valid key, even a huge deeply nested body gets 401 and is never parsed', async () => {
    const body = `{"query":"{ __typename }","variables":{"a":${nested(4_000_000)}}}`;
    const refused = await send(body, 'ak_000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(errorsOf(refused)).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
    expect(refused.headers.get('connection')).toBe('close');
    expect((await fetch(new URL('/health', app.url))).status).toBe(200);
  });

  test('with a key, variables or touch properties nested past MAX_JSON_DEPTH are LIMIT_EXCEEDED naming it', async () => {
    const deepVariables = await send(`{"query":"{ __typename }","variables":{"a":${nested(1_000_000)}}}`);
    expect(errorsOf(deepVariables)).toEqual({ status: 400, codes: ['LIMIT_EXCEEDED'] });
    expect(deepVariables.body.errors![0].extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 'MAX_JSON_DEPTH', max: 32, actual: 33 });
    const properties = `{"a":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    const deepProperties = await send(`{"query":"mutation($input: RecordTouchesInput!) { recordTouches(input: $input) { created } }",
      "variables":{"input":{"touches":[{"externalId":"T","leadExternalId":"L","type":"VISIT","occurredAt":"2025-01-01T00:00:00Z","properties":${properties}}]}}}`);
    expect(errorsOf(deepProperties)).toEqual({ status: 400, codes: ['LIMIT_EXCEEDED'] });
  });

  test('touch properties nested 26 levels, within the limit, are stored', async () => {
    await seed(app, 'leads', [leadItem('DEPTH-L')]);
    const properties = `${'{"a":'.repeat(26)}1${'}'.repeat(26)}`;
    const accepted = await send(`{"query":"mutation($input: RecordTouchesInput!) { recordTouches(input: $input) { created } }",
      "variables":{"input":{"touches":[{"externalId":"DEPTH-T","leadExternalId":"DEPTH-L","type":"AD_CLICK","channel":"direct","occurredAt":"2025-01-01T00:00:00Z","properties":${properties}}]}}}`);
    expect(accepted.body).toMatchObject({ data: { recordTouches: { created: 1 } } });
  });
});

describe('malformed GraphQL requests are 400 BAD_REQUEST naming the problem', () => {
  test.each([
    ['an operationName that names no operation', { query: '{ datasetSummary { leads } }', operationName: 'Nope' }, /operationName "Nope" names no operation/],
    ['several operations without operationName', { query: 'query A { __typename } query B { __typename }' }, /2 operations: say which one to run with operationName/],
    ['a subscription', { query: 'subscription { __typename }' }, /Subscriptions are not supported/],
    ['an unknown persistedQuery version', { extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } }, /persistedQuery.version must be 1/],
  ])('%s', async (_case, request, message) => {
    const refused = await send(JSON.stringify(request));
    expect(errorsOf(refused)).toEqual({ status: 400, codes: ['BAD_REQUEST'] });
    expect(refused.body.errors![0].message).toMatch(message);
  });

  test('the named operation of several runs', async () => {
    const answered = await send(JSON.stringify({ query: 'query A { a: __typename } query B { b: __typename }', operationName: 'B' }));
    expect(answered.body.data).toEqual({ b: 'Query' });
  });
});
