import { getIntrospectionQuery, Lexer, Source, TokenKind } from 'graphql';
import { Scope } from '../src/auth/scope';
import { account } from './support/ingest';
import { postBody, RawGraphQLResponse } from './support/post-graphql';
import { startTestApp, TestApp } from './support/test-app';

type Answer = Omit<RawGraphQLResponse, 'body'> & { body: Record<string, any> };

/** A raw body, keeping what `app.gql` drops: the status and the headers. */
const send = (app: TestApp, body: string, key = app.adminKey): Promise<Answer> => postBody(app.url, body, { authorization: `Bearer ${key}` });

const post = (app: TestApp, query: string, variables?: Record<string, unknown>, key?: string) =>
  send(app, JSON.stringify({ query, variables }), key);

function expectAccepted(answer: Answer): void {
  expect({ status: answer.status, errors: answer.body.errors }).toEqual({ status: 200, errors: undefined });
}

function expectRefused(answer: Answer, limit: string, max: number, actual: number, status = 400): void {
  expect(answer.status).toBe(status);
  expect(answer.body.errors).toEqual([{
    message: expect.stringMatching(new RegExp(` ${actual} is over the limit ${limit} = ${max}$`)),
    extensions: { code: 'LIMIT_EXCEEDED', limit, max, actual },
  }]);
}

const tokenCount = (source: string) => {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
};

describe('operation limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ MAX_QUERY_DEPTH: 4, MAX_QUERY_ALIASES: 3, MAX_QUERY_TOKENS: 60, MAX_QUERY_COST: 100, MAX_BODY_BYTES: 2048 });
  });
  afterAll(async () => { await app.stop(); });

  test('depth: 4 fields deep is accepted, 5 refused, fragments expanded', async () => {
    expectAccepted(await post(app, '{ deals(first: 1) { nodes { account { __typename } } } }'));
    expectRefused(await post(app, '{ deals(first: 1) { nodes { account { leads(first: 1) { __typename } } } } }'), 'MAX_QUERY_DEPTH', 4, 5);
    expectRefused(await post(app, `{ deals(first: 1) { ...deep } }
      fragment deep on DealConnection { nodes { account { leads(first: 1) { __typename } } } }`), 'MAX_QUERY_DEPTH', 4, 5);
  });

  test('aliases: 3 are accepted, 4 refused, fragments expanded', async () => {
    expectAccepted(await post(app, '{ a: __typename b: __typename c: __typename }'));
    expectRefused(await post(app, '{ a: __typename b: __typename c: __typename d: __typename }'), 'MAX_QUERY_ALIASES', 3, 4);
    expectRefused(await post(app, '{ ...abc d: __typename } fragment abc on Query { a: __typename b: __typename c: __typename }'),
      'MAX_QUERY_ALIASES', 3, 4);
  });

  test('tokens: 60 are accepted; the parser stops at the 61st, and the refusal names the limit', async () => {
    const documentOf = (tokens: number) => `{ ${'__typename '.repeat(tokens - 2)}}`;
    expect(tokenCount(documentOf(60))).toBe(60);
    expectAccepted(await post(app, documentOf(60)));
    const refused = await post(app, documentOf(150));
    expectRefused(refused, 'MAX_QUERY_TOKENS', 60, 61);
    expect(refused.body.errors[0].message).toBe('Request refused: token count (parsing stopped at) 61 is over the limit MAX_QUERY_TOKENS = 60');
  });

  test('cost follows the variables, also for a cached document', async () => {
    // 1 for the connection, then 3 per deal requested (nodes, id, totalCount).
    const deals = 'query($first: Int) { deals(first: $first) { totalCount nodes { id } } }';
    for (let round = 0; round < 2; round += 1) {
      expectRefused(await post(app, deals, { first: 34 }), 'MAX_QUERY_COST', 100, 103);
      expectAccepted(await post(app, deals, { first: 33 }));
    }
    expectAccepted(await post(app, deals));
  });

  test('a report costs more than a page', async () => {
    expectRefused(await post(app, '{ attribution(input: { model: LINEAR }) { currency } }'), 'MAX_QUERY_COST', 100, 1201);
  });

  test('body: 2048 bytes are accepted, 2049 refused with a JSON 413', async () => {
    const bodyOf = (bytes: number) => {
      const empty = JSON.stringify({ query: '{ __typename } #' });
      return JSON.stringify({ query: `{ __typename } #${'x'.repeat(bytes - empty.length)}` });
    };
    expect(Buffer.byteLength(bodyOf(2048))).toBe(2048);
    expectAccepted(await send(app, bodyOf(2048)));
    const refused = await send(app, bodyOf(2049));
    expectRefused(refused, 'MAX_BODY_BYTES', 2048, 2049, 413);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
  });

  test('a body that is not JSON gets a JSON 400, without internals', async () => {
    const answer = await send(app, '{"query": ');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errors: [{ message: expect.stringMatching(/^The body is not valid JSON: /), extensions: { code: 'BAD_REQUEST' } }] });
    expect(answer.text).not.toMatch(/node_modules|\.js:\d|<html/i);
  });
});

describe('default limits', () => {
  let app: TestApp;
  beforeAll(async () => { app = await startTestApp(); });
  afterAll(async () => { await app.stop(); });

  test("the sandbox's standard introspection query passes them", async () => {
    const everything = { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true };
    const answer = await post(app, getIntrospectionQuery(everything));
    expectAccepted(answer);
    expect(answer.body.data.__schema.queryType).toEqual({ name: 'Query', kind: 'OBJECT' });
  });

  test('a page holds up to 100 items; the refusal names MAX_PAGE_SIZE', async () => {
    expectAccepted(await post(app, '{ deals(first: 100) { nodes { id } } }'));
    const refused = await post(app, '{ deals(first: 101) { nodes { id } } }');
    expect(refused.body.errors).toEqual([expect.objectContaining({
      message: 'Request refused: first 101 is over the limit MAX_PAGE_SIZE = 100',
      extensions: { code: 'LIMIT_EXCEEDED', limit: 'MAX_PAGE_SIZE', max: 100, actual: 101 },
    })]);
  });

  test.each([
    ['{ attribution(input: { model: MARKOV, groupBy: [CHANNEL] }) { paths(first: 501) { totalCount } } }', 'first', 'MAX_MODEL_PAGE_SIZE'],
    ['{ attribution(input: { model: MARKOV, groupBy: [CHANNEL] }) { markov { transitions(first: 501) { probability } } } }', 'first', 'MAX_MODEL_PAGE_SIZE'],
    ['{ leadsByScore(input: { limit: 501 }) { externalId } }', 'input.limit', 'MAX_LEADS_LIMIT'],
  ])('larger lists hold up to 500 items: %s names %s and %s', async (query, argument, limit) => {
    const refused = await post(app, query);
    expect(refused.body.errors).toEqual([expect.objectContaining({
      message: `Request refused: ${argument} 501 is over the limit ${limit} = 500`,
      extensions: { code: 'LIMIT_EXCEEDED', limit, max: 500, actual: 501 },
    })]);
    expectAccepted(await post(app, query.replace('501', '500')));
  });

  test('a batch holds up to 5000 items; the refusal names MAX_BATCH_ITEMS', async () => {
    const accounts = Array.from({ length: 5001 }, (_, index) => account(`BATCH-${index}`));
    const refused = await post(app, 'mutation($input: UpsertAccountsInput!) { upsertAccounts(input: $input) { created } }', { input: { accounts } });
    expect(refused.body.errors).toEqual([expect.objectContaining({
      message: 'Request refused: items in input.accounts 5001 is over the limit MAX_BATCH_ITEMS = 5000',
      extensions: { code: 'LIMIT_EXCEEDED', limit: 'MAX_BATCH_ITEMS', max: 5000, actual: 5001 },
    })]);
  });
});

describe('rate limit', () => {
  let app: TestApp;
  beforeAll(async () => { app = await startTestApp({ RATE_LIMIT_PER_MINUTE: 3 }); });
  afterAll(async () => { await app.stop(); });

  const budgetOf = ({ headers, body }: Answer) => ({
    headers: ['ratelimit-limit', 'ratelimit-remaining'].map((name) => headers.get(name)),
    extensions: { limit: body.extensions.rateLimit.limit, remaining: body.extensions.rateLimit.remaining },
  });

  test('counts down in the extensions and headers, then refuses with 429 and Retry-After', async () => {
    const key = await app.createKey(Scope.READ);
    const answers = [];
    for (let request = 0; request < 4; request += 1) answers.push(await post(app, '{ __typename }', undefined, key));
    expect(answers.slice(0, 3).map(budgetOf)).toEqual([2, 1, 0].map((remaining) => ({
      headers: ['3', String(remaining)], extensions: { limit: 3, remaining },
    })));
    for (const answer of answers) {
      expect(answer.body.extensions.rateLimit.resetSeconds).toBeGreaterThanOrEqual(1);
      expect(answer.body.extensions.rateLimit.resetSeconds).toBeLessThanOrEqual(60);
      expect(answer.headers.get('ratelimit-reset')).toBe(String(answer.body.extensions.rateLimit.resetSeconds));
    }

    const refused = answers[3];
    const retryAfter = refused.body.extensions.rateLimit.resetSeconds;
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String(retryAfter));
    expect(refused.body).toEqual({
      errors: [{
        message: `Request refused: over the limit RATE_LIMIT_PER_MINUTE = 3 requests per API key per minute; retry in ${retryAfter} s`,
        extensions: { code: 'RATE_LIMITED', limit: 'RATE_LIMIT_PER_MINUTE', max: 3, retryAfterSeconds: retryAfter },
      }],
      extensions: { rateLimit: { limit: 3, remaining: 0, resetSeconds: retryAfter } },
    });
  });

  test('browsers may read the budget: CORS exposes its headers', async () => {
    const key = await app.createKey(Scope.READ);
    const answer = await postBody(app.url, JSON.stringify({ query: '{ __typename }' }),
      { authorization: `Bearer ${key}`, origin: 'https://dashboard.example' });
    const exposed = answer.headers.get('access-control-expose-headers')?.split(',') ?? [];
    expect(exposed).toEqual(expect.arrayContaining(['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after', 'x-request-id']));
  });

  test('each key has its own budget', async () => {
    const [spent, fresh] = [await app.createKey(Scope.READ), await app.createKey(Scope.READ)];
    for (let request = 0; request < 4; request += 1) await post(app, '{ __typename }', undefined, spent);
    expect(budgetOf(await post(app, '{ __typename }', undefined, fresh)).extensions).toEqual({ limit: 3, remaining: 2 });
  });

  test('requests refused for other reasons count too, and carry the budget', async () => {
    const key = await app.createKey(Scope.READ);
    const invalid = await post(app, '{ noSuchField }', undefined, key);
    expect(invalid.status).toBe(400);
    expect(invalid.body.extensions.rateLimit).toMatchObject({ limit: 3, remaining: 2 });
  });
});
