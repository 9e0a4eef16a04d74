import { Scope } from '../src/auth/scope';
import fc from 'fast-check';
import { leadItem, seed, seedPipeline } from './support/factories';
import { ingest } from './support/ingest';
import { postBody, RawGraphQLResponse } from './support/post-graphql';
import { startTestApp, TestApp } from './support/test-app';

// Requests an attacker or a careless client sends: each is refused with a 4xx and a code that
// names the problem, before any expensive work, never with a 500 or INTERNAL_SERVER_ERROR.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ RATE_LIMIT_PER_MINUTE: 1_000_000 });
  await seedPipeline(app, { deals: 2, contactsPerDeal: 1, touchesPerLead: 1, campaigns: 2, prefix: 'P' });
});
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

// Fixed runs and a printed seed: a failure is replayed with HARDENING_SEED.
const SEED = Number(process.env.HARDENING_SEED ?? 16);
const RUNS = Number(process.env.HARDENING_RUNS ?? 200);
beforeAll(() => { console.info(`hardening.test.ts: seed ${SEED}, ${RUNS} runs per property`); });

/** Every list ordered by a date or a time, with a query that pages it from `$cursor`. */
const TIME_ORDERED_LISTS = [
  ['CREATED_AT', 'timestamptz', '{ deals(first: 1, orderBy: { field: CREATED_AT }, after: $cursor) { totalCount } }'],
  ['CLOSED_AT', 'timestamptz', '{ deals(first: 1, orderBy: { field: CLOSED_AT }, after: $cursor) { totalCount } }'],
  ['CREATED_AT', 'timestamptz', '{ leads(last: 1, orderBy: { field: CREATED_AT }, before: $cursor) { totalCount } }'],
  ['STAGE_CHANGED_AT', 'timestamptz', '{ leads(first: 1, orderBy: { field: STAGE_CHANGED_AT }, after: $cursor) { totalCount } }'],
  ['OCCURRED_AT', 'timestamptz', '{ touches(first: 1, orderBy: { field: OCCURRED_AT }, after: $cursor) { totalCount } }'],
  ['RECORDED_AT', 'timestamptz', '{ accounts(first: 1, orderBy: { field: RECORDED_AT }, after: $cursor) { totalCount } }'],
  ['RECORDED_AT', 'timestamptz', '{ campaigns(first: 1, orderBy: { field: RECORDED_AT }, after: $cursor) { totalCount } }'],
  ['STARTS_ON', 'date', '{ campaigns(first: 1, orderBy: { field: STARTS_ON }, after: $cursor) { totalCount } }'],
  ['CHANGED_AT', 'timestamptz', '{ deals(first: 1) { nodes { history(first: 1, after: $cursor) { totalCount } } } }'],
  ['CHANGED_AT', 'timestamptz', '{ leads(first: 1) { nodes { stageHistory(first: 1, after: $cursor) { totalCount } } } }'],
  ['DATE', 'date', '{ campaigns(first: 1) { nodes { costs(first: 1, after: $cursor) { totalCount } } } }'],
] as const;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
/** Dates and times shaped like PostgreSQL's output, mostly impossible: month 13, February 30, hour 24, year 0 or past PostgreSQL's range. */
const forgedDay = fc.tuple(
  fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(294276, 999999, 5874897)).map((year) => pad(year, 4)),
  fc.integer({ min: 0, max: 19 }).map((month) => pad(month)),
  fc.integer({ min: 0, max: 39 }).map((day) => pad(day)),
).map((parts) => parts.join('-'));
const forgedTime = fc.tuple(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 0, max: 69 }), fc.integer({ min: 0, max: 69 }))
  .map((parts) => parts.map((part) => pad(part)).join(':'));
const forgedValue = (type: 'timestamptz' | 'date') => (type === 'date'
  ? forgedDay
  : fc.tuple(forgedDay, forgedTime, fc.constantFrom('', '.5', '.123456')).map(([day, time, fraction]) => `${day} ${time}${fraction}+00`));

const cursorOf = (ordering: string, sortValue: string, id: string) => Buffer.from(JSON.stringify([ordering, sortValue, id])).toString('base64url');

/**
 * Whether PostgreSQL takes the value: the test's oracle, asked of the database itself (a cast, as
 * pg_input_is_valid exists only from PostgreSQL 16 on).
 */
async function databaseAccepts(value: string, type: 'timestamptz' | 'date'): Promise<boolean> {
  return app.dataSource.query(`SELECT $1::${type === 'date' ? 'date' : 'timestamptz'}`, [value]).then(() => true, () => false);
}

describe('forged pagination cursors are BAD_USER_INPUT naming the argument', () => {
  test.each(TIME_ORDERED_LISTS)('%s (%s): %s', async (ordering, type, selection) => {
    const query = `query($cursor: String) ${selection}`;
    await fc.assert(fc.asyncProperty(forgedValue(type), fc.constantFrom('1', '2', '9223372036854775807'), async (value, id) => {
      const response = await send(JSON.stringify({ query, variables: { cursor: cursorOf(ordering, value, id) } }));
      expect(response.status).toBe(200);
      const codes = errorsOf(response).codes;
      if (!(await databaseAccepts(value, type))) {
        expect(codes).toEqual(['BAD_USER_INPUT']);
        expect(response.body.errors![0].extensions!.argumentName).toMatch(/^(after|before)$/);
      } else {
        expect(codes.filter((code) => code !== 'BAD_USER_INPUT')).toEqual([]);
      }
    }), { seed: SEED, numRuns: Math.ceil(RUNS / 4) });
  });
});

const UPSERT_LEADS = 'mutation($input: UpsertLeadsInput!) { upsertLeads(input: $input) { created userErrors { path code message } } }';

describe('ingested text the database cannot hold is a userError naming the item and the field', () => {
  /** Every text field of every kind, with a valid item around it. */
  const TEXT_FIELDS: Array<[string, object, string[]]> = [
    ['accounts', { externalId: 'S-A', name: 'A' }, ['externalId', 'name', 'domain', 'segment', 'industry', 'size']],
    ['campaigns', { externalId: 'S-C', name: 'C', channel: 'email' }, ['externalId', 'name', 'utmSource', 'utmMedium', 'utmCampaign']],
    ['leads', { externalId: 'S-L', createdAt: '2025-01-01T00:00:00Z' }, ['externalId', 'email', 'name']],
    ['touches', { externalId: 'S-T', leadExternalId: 'P-L0-0', type: 'AD_CLICK', channel: 'email', occurredAt: '2025-01-01T00:00:00Z' },
      ['externalId', 'utmSource', 'utmMedium', 'utmCampaign', 'utmContent', 'utmTerm']],
    ['deals', { externalId: 'S-D', name: 'D', amount: '1.00', currency: 'USD', status: 'OPEN', createdAt: '2025-01-01T00:00:00Z' },
      ['externalId', 'name', 'stage', 'owner']],
  ];
  const cases = TEXT_FIELDS.flatMap(([list, item, fields]) => fields.map((field) => [list, field, item] as const));

  test.each(cases)('%s: a lone surrogate in %s', async (list, field, item) => {
    const surrogate = await ingest(app, list as 'leads', [item, { ...item, externalId: `${(item as { externalId: string }).externalId}-2`, [field]: 'a\ud800b' }]);
    expect(surrogate).toMatchObject({ created: 0, userErrors: [{ path: [list, '1', field], code: 'INVALID_VALUE' }] });
    expect(surrogate.userErrors[0].message).toMatch(/lone UTF-16 surrogate \(U\+D800\)/);
  });

  test.each(cases)('%s: 20,000 characters in %s', async (list, field, item) => {
    // Random-looking text: the database cannot compress it below an index's row limit.
    const long = Array.from({ length: 20_000 }, (_, index) => String.fromCharCode(97 + ((index * index * 7919) % 26))).join('');
    const value = field === 'email' ? `${long}@example.com` : long;
    const refused = await ingest(app, list as 'leads', [{ ...item, [field]: value }]);
    expect(refused).toMatchObject({ created: 0, userErrors: [expect.objectContaining({ path: [list, '0', field], code: 'TOO_LONG' })] });
  });

  test('a lone surrogate inside touch properties, even in a key', async () => {
    const touch = { externalId: 'S-T2', leadExternalId: 'P-L0-0', type: 'AD_CLICK', channel: 'email', occurredAt: '2025-01-01T00:00:00Z' };
    const refused = await ingest(app, 'touches', [{ ...touch, properties: { nested: { ['k\udc00']: 1 } } }]);
    expect(refused).toMatchObject({ created: 0, userErrors: [{ path: ['touches', '0', 'properties'], code: 'INVALID_VALUE' }] });
  });

  test('an idempotencyKey over 255 characters is BAD_USER_INPUT naming it; 255 are accepted', async () => {
    for (const length of [10_000, 1 << 20]) {
      const refused = await send(JSON.stringify({ query: UPSERT_LEADS, variables: { input: { leads: [leadItem('K-L')], idempotencyKey: 'k'.repeat(length) } } }));
      expect(errorsOf(refused)).toEqual({ status: 200, codes: ['BAD_USER_INPUT'] });
      expect(refused.body.errors![0].extensions).toMatchObject({ field: 'input.idempotencyKey', max: 255 });
    }
    expect((await ingest(app, 'leads', [leadItem('K-L')], 'k'.repeat(255))).created).toBe(1);
  });
});

describe('time zones are checked against the database', () => {
  test.each(['US/Pacific-New', 'Canada/East-Saskatchewan', 'Mars/Olympus'])('%s is BAD_USER_INPUT naming input.timeZone in every report', async (zone) => {
    const reports = [
      `{ funnel(input: { from: "2025-01-01T00:00:00Z", to: "2025-03-01T00:00:00Z", groupBy: MONTH, timeZone: "${zone}" }) { __typename } }`,
      `{ attribution(input: { model: LINEAR, timeZone: "${zone}" }) { __typename } }`,
    ];
    for (const query of reports) {
      const refused = await send(JSON.stringify({ query }));
      expect(errorsOf(refused)).toEqual({ status: 200, codes: ['BAD_USER_INPUT'] });
      expect(refused.body.errors![0].extensions).toMatchObject({ field: 'input.timeZone' });
    }
  });

  test('a zone both know, in any case, is accepted', async () => {
    const answered = await send(JSON.stringify({ query: '{ attribution(input: { model: LINEAR, timeZone: "europe/paris" }) { __typename } }' }));
    expect(answered.body).toMatchObject({ data: { attribution: { __typename: 'AttributionReport' } } });
  });
});

describe('concurrent batches over the same records', () => {
  const BATCHES = 20;
  const IDS = 40;
  /** The same ids in a different order for each batch: a fixed shuffle per batch. */
  const shuffled = (batch: number) => fc.sample(fc.shuffledSubarray(Array.from({ length: IDS }, (_, index) => index), { minLength: IDS }),
    { seed: SEED + batch, numRuns: 1 })[0];
  const payloadErrors = (response: RawGraphQLResponse, field: string) =>
    [...errorsOf(response).codes, ...(response.body.data?.[field]?.userErrors ?? []).map((error: { code: string }) => error.code)];

  test.each([
    ['upsertLeads', 'UpsertLeadsInput', 'leads', (id: number, batch: number) => leadItem(`CC-L${id}`, { name: `Lead ${id} from batch ${batch}` })],
    ['recordTouches', 'RecordTouchesInput', 'touches', (id: number, batch: number) => ({
      externalId: `CC-T${id}`, leadExternalId: `P-L${id % 2}-0`, type: 'AD_CLICK', channel: 'email', occurredAt: '2025-01-01T00:00:00Z', utmTerm: `batch ${batch}`,
    })],
  ] as const)('%s: 20 batches in different orders all succeed, without deadlocks surfacing', async (field, input, list, item) => {
    const query = `mutation($input: ${input}!) { ${field}(input: $input) { created updated unchanged userErrors { code } } }`;
    const responses = await Promise.all(Array.from({ length: BATCHES }, (_, batch) =>
      send(JSON.stringify({ query, variables: { input: { [list]: shuffled(batch).map((id) => item(id, batch)) } } }))));
    expect(responses.flatMap((response) => payloadErrors(response, field))).toEqual([]);
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM ${list} WHERE external_id LIKE 'CC-%'`);
    expect(count).toBe(IDS);
  });

  test('leads claiming one email at once: one is created, the others are a CONFLICT userError', async () => {
    const claims = 10;
    const responses = await Promise.all(Array.from({ length: claims }, (_, index) =>
      send(JSON.stringify({ query: UPSERT_LEADS, variables: { input: { leads: [leadItem(`EM-L${index}`, { email: 'same@example.com' })] } } }))));
    expect(responses.flatMap((response) => errorsOf(response).codes)).toEqual([]);
    const payloads = responses.map((response) => response.body.data!.upsertLeads);
    expect(payloads.filter((payload) => payload.created === 1)).toHaveLength(1);
    expect(payloads.filter((payload) => payload.userErrors.length > 0).map((payload) => payload.userErrors[0].code))
      .toEqual(Array(claims - 1).fill('CONFLICT'));
  });

  test('a retry with the same idempotencyKey after an answer was lost writes the batch exactly once', async () => {
    const leads = Array.from({ length: 30 }, (_, index) => leadItem(`IK-L${index}`));
    const body = JSON.stringify({ query: UPSERT_LEADS, variables: { input: { leads, idempotencyKey: 'lost-answer-1' } } });
    // The client gives up before the answer: the batch may or may not have committed.
    await postBody(app.url, body, { authorization: `Bearer ${app.adminKey}` }, 1).catch(() => undefined);
    const retries = await Promise.all([send(body), send(body)]);
    for (const retry of retries) expect(retry.body.data!.upsertLeads).toEqual({ created: 30, userErrors: [] });
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM leads WHERE external_id LIKE 'IK-L%'`);
    expect(count).toBe(30);
  });
});

describe('refused requests count against a budget per client', () => {
  let limited: TestApp;
  beforeAll(async () => { limited = await startTestApp({ RATE_LIMIT_PER_MINUTE: 3 }); });
  afterAll(async () => { await limited.stop(); });

  test('unknown keys spend the budget of the client address: past it, 429 with Retry-After', async () => {
    const guess = () => postBody(limited.url, '{"query":"{ __typename }"}', { authorization: 'Bearer ak_000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    for (let attempt = 0; attempt < 3; attempt += 1) expect(errorsOf(await guess())).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
    const refused = await guess();
    expect(errorsOf(refused)).toEqual({ status: 429, codes: ['RATE_LIMITED'] });
    expect(refused.body.errors![0].message).toMatch(/requests per client address per minute/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('malformed bodies spend the budget of their key', async () => {
    const key = await limited.createKey(Scope.READ);
    const malformed = () => postBody(limited.url, '{"query": nope', { authorization: `Bearer ${key}` });
    for (let attempt = 0; attempt < 3; attempt += 1) expect(errorsOf(await malformed())).toEqual({ status: 400, codes: ['BAD_REQUEST'] });
    expect(errorsOf(await malformed())).toEqual({ status: 429, codes: ['RATE_LIMITED'] });
    const valid = await postBody(limited.url, '{"query":"{ __typename }"}', { authorization: `Bearer ${key}` });
    expect(errorsOf(valid)).toEqual({ status: 429, codes: ['RATE_LIMITED'] });
  });
});
