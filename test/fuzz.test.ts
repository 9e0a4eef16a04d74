import fc from 'fast-check';
import { appSchema } from '../src/schema';
import { accountItem, campaignItem, dealItem, leadItem, seed, seedPipeline } from './support/factories';
import {
  amountText, currencyText, dayText, deepJsonObject, garbageText, HOSTILE_TEXT, timestampText, timeZoneText,
} from './support/garbage';
import { leakedInternals } from './support/leaks';
import { postGraphQL, RawGraphQLResponse } from './support/post-graphql';
import { FuzzOperation, fuzzOperations, Hints, textArgumentOperations } from './support/schema-arbitraries';
import { sourceFingerprint } from './support/source-tables';
import { startTestApp, TestApp } from './support/test-app';

// Generated garbage for every argument of every mutation and query, over real HTTP. FUZZ_RUNS
// (default 10,000) is the number of cases per run, shared among the properties below; reads run
// in parallel lanes, writes one at a time so that each refused batch can be checked for writes.
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
// A fixed seed keeps the suite deterministic; FUZZ_SEED explores other cases or replays a failure.
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_205);
const READ_LANES = 3;
const PROPERTY_TIMEOUT_MS = Math.max(120_000, RUNS * 45);

/** What a refusal of bad input may say; anything else (INTERNAL_SERVER_ERROR above all) is a bug. */
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'LIMIT_EXCEEDED', 'MISSING_FX_RATE']);

/** Names and emails seeded for the text filters: each would match too much if taken as a pattern. */
const HOSTILE_NAMES = ["O'Brien & Sons", '100% Pure', 'snake_case Ltd', 'Back\\slash Co', "'; DROP TABLE touches; --", '$1 Store', 'a%b_c'];
const HOSTILE_EMAILS = ["o'brien", '100%pure', 'snake_case', 'back\\slash', 'drop--table', '$1', 'a%b_c'].map((local) => `${local}@example.com`);

let app: TestApp;
let hints: Hints;
/** Root fields whose resolver ran at least once: the fuzzer got past GraphQL's own checks. */
const reached = new Set<string>();

async function seedHostileNames(): Promise<void> {
  await seed(app, 'accounts', HOSTILE_NAMES.map((name, index) => accountItem(`H-A${index}`, { name })));
  await seed(app, 'campaigns', HOSTILE_NAMES.map((name, index) => campaignItem(`H-C${index}`, { name })));
  await seed(app, 'leads', HOSTILE_NAMES.map((name, index) => leadItem(`H-L${index}`, { name, email: HOSTILE_EMAILS[index] })));
  await seed(app, 'deals', HOSTILE_NAMES.map((name, index) => dealItem(`H-D${index}`, { name })));
}

const forgedId = (text: string) => Buffer.from(text).toString('base64url');

/** Plausible values: ids, cursors and references that exist, next to near-misses. */
async function hintsFromData(): Promise<Hints> {
  const { data } = await app.gql(`{
    accounts(first: 2) { nodes { id } edges { cursor } } campaigns(first: 2) { nodes { id } }
    leads(first: 2) { nodes { id } edges { cursor } } deals(first: 2) { nodes { id } edges { cursor } }
    touches(first: 2) { nodes { id } edges { cursor } } }`);
  const lists = Object.values(data!) as Array<{ nodes: Array<{ id: string }>; edges?: Array<{ cursor: string }> }>;
  const ids = lists.flatMap((list) => list.nodes.map((node) => node.id));
  const cursors = lists.flatMap((list) => list.edges?.map((edge) => edge.cursor) ?? []);
  const forged = ['Deal:99999999999999999999', 'Deal:-1', 'Lead:1e3', 'Touch:1:2', 'Secret:1', 'Deal:'].map(forgedId);
  // Real cursors carrying impossible dates and times: a cursor is untrusted input.
  const tampered = cursors.flatMap((cursor) => ['2025-02-30 00:00:00+00', '2025-01-01 25:61:00+00', '0000-01-01', '999999-12-31 00:00:00+00']
    .map((sortValue) => { const [ordering, , id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()); return forgedId(JSON.stringify([ordering, sortValue, id])); }));
  const known = (...values: string[]) => fc.oneof(fc.constantFrom(...values), garbageText);
  return {
    byName: {
      externalId: fc.oneof(fc.constantFrom('P-A0', 'P-C1', 'P-L0-0', 'P-D1'), fc.string({ minLength: 1, maxLength: 12 })),
      leadExternalId: known('P-L0-0', 'P-L1-1', 'H-L2', 'missing'),
      accountExternalId: known('P-A0', 'P-A1', 'H-A3', 'missing'),
      campaignExternalId: known('P-C0', 'P-C2', 'H-C4', 'missing'),
      channel: known('email', 'paid_search', 'webinar', 'direct', 'new_channel', 'Paid Search'),
      email: fc.oneof(fc.emailAddress(), fc.constantFrom(HOSTILE_EMAILS[0], 'no-at-sign', 'a@b', 'p-l0-0@example.com')),
      currency: currencyText, amount: amountText, rate: amountText, date: dayText, startsOn: dayText, endsOn: dayText,
      timeZone: timeZoneText,
      after: known(...cursors, ...tampered), before: known(...cursors, ...tampered),
    },
    byScalar: {
      ID: fc.constantFrom(...ids, ...forged, 'not-an-id', ''),
      DateTime: timestampText, LocalDate: dayText, CurrencyCode: currencyText,
      JSONObject: fc.oneof(fc.object({ maxDepth: 2, maxKeys: 3 }), fc.jsonValue({ maxDepth: 1 }), deepJsonObject),
      // An export's report input: a valid one beside garbage, so that createExportLink is reached.
      ReportInput: fc.oneof(fc.constantFrom({ model: 'LINEAR' }, { models: ['FIRST_TOUCH', 'MARKOV'] }), fc.object({ maxDepth: 2, maxKeys: 3 })),
      Int: fc.integer({ min: -1, max: 120 }), Float: fc.double({ min: -5, max: 50, noNaN: true }),
    },
  };
}

beforeAll(async () => {
  console.info(`fuzz.test.ts: FUZZ_SEED=${SEED}, FUZZ_RUNS=${RUNS}`);
  app = await startTestApp({ RATE_LIMIT_PER_MINUTE: 1_000_000 });
  await seedPipeline(app, { deals: 3, contactsPerDeal: 2, touchesPerLead: 2, campaigns: 3, prefix: 'P' });
  await seedHostileNames();
  hints = await hintsFromData();
});
afterAll(async () => { await app.stop(); });

type Case = Omit<FuzzOperation, 'variables'> & { variables: Record<string, any> };

async function send({ field, query, variables }: Case): Promise<RawGraphQLResponse> {
  const response = await postGraphQL(app.url, app.adminKey, query, variables);
  if (response.status === 200 && 'data' in response.body) reached.add(field);
  return response;
}

/** Whatever the input, the answer is a client's error at worst, and it leaks nothing. */
function expectClean(response: RawGraphQLResponse, codes = CLIENT_CODES): void {
  expect(response.status).toBeLessThan(500);
  expect(leakedInternals(response.text)).toEqual([]);
  expect((response.body.errors ?? []).map((error) => error.extensions?.code).filter((code) => !codes.has(code))).toEqual([]);
}

async function fuzz(operations: FuzzOperation[], runs: number, check: (fuzzCase: Case) => Promise<void>, lanes = 1) {
  const cases = fc.constantFrom(...operations)
    .chain(({ variables, ...operation }) => variables.map((values) => ({ ...operation, variables: values })));
  await Promise.all(Array.from({ length: lanes }, (_, lane) =>
    fc.assert(fc.asyncProperty(cases, check), { numRuns: Math.ceil(runs / lanes), seed: SEED + lane })));
  expect(operations.map((operation) => operation.field).filter((field) => !reached.has(field))).toEqual([]);
}

/** The items of an ingest batch, as GraphQL sees them (a single item is a list of one). */
const batchSize = (input: Record<string, unknown>) =>
  [Object.entries(input).find(([name]) => name !== 'idempotencyKey')?.[1]].flat().length;

test('mutations: garbage input is refused cleanly, and a refused batch writes nothing', async () => {
  let fingerprint = await sourceFingerprint(app.dataSource);
  await fuzz(fuzzOperations(appSchema(), 'mutation', hints), Math.ceil(RUNS * 0.25), async (fuzzCase) => {
    const before = fingerprint;
    const response = await send(fuzzCase);
    fingerprint = await sourceFingerprint(app.dataSource);
    expectClean(response);
    const payload = response.body.data?.[fuzzCase.field];
    if (response.body.errors || payload.userErrors?.length) {
      expect(fingerprint).toEqual(before);
    } else if ('created' in payload) {
      expect(payload.created + payload.updated + payload.unchanged).toBe(batchSize(fuzzCase.variables.input));
    }
  });
}, PROPERTY_TIMEOUT_MS);

test('queries and reports: garbage arguments are refused cleanly and change no source data', async () => {
  const before = await sourceFingerprint(app.dataSource);
  await fuzz(fuzzOperations(appSchema(), 'query', hints), Math.ceil(RUNS * 0.5), async (fuzzCase) => {
    expectClean(await send(fuzzCase));
  }, READ_LANES);
  expect(await sourceFingerprint(app.dataSource)).toEqual(before);
}, PROPERTY_TIMEOUT_MS);

// The server compares lower() of both sides. PostgreSQL lowers U+0130 (İ) to a plain i, where
// JavaScript gives i and a combining dot: fold it the server's way.
const lower = (text: string) => text.replace(/\u0130/g, 'i').toLowerCase();
const startsWith = (text: unknown, prefix: string) => typeof text === 'string' && lower(text).startsWith(lower(prefix));

/** Whether a node honours the filter: a pattern character in the value must match only itself. */
function honours(argument: string, node: Record<string, unknown>, value: string | string[]): boolean {
  if (Array.isArray(value)) return value.includes(node[argument] as string);
  if (argument.endsWith('StartsWith')) return value === '' || startsWith(node[argument.replace('StartsWith', '')], value);
  if (argument === 'domain') return node.domain === value.toLowerCase();
  if (argument === 'externalId') return node.externalId === value;
  return true;
}

/** The seeded rows a prefix must find: a lower bound, since garbage ingested above may match too. */
function seededMatches(argument: string, value: string | string[]): number {
  if (!argument.endsWith('StartsWith') || Array.isArray(value)) return 0;
  const seeded = argument === 'emailStartsWith' ? HOSTILE_EMAILS : HOSTILE_NAMES;
  return seeded.filter((text) => startsWith(text, value)).length;
}

test('text filters: injection-shaped values match literally and harm nothing', async () => {
  const text = fc.oneof(
    fc.constantFrom(...HOSTILE_TEXT),
    fc.constantFrom(...HOSTILE_NAMES, ...HOSTILE_EMAILS).chain((seeded) => fc.nat(seeded.length).map((length) => seeded.slice(0, length))),
    fc.string(),
  );
  const before = await sourceFingerprint(app.dataSource);
  await fuzz(textArgumentOperations(appSchema(), text), Math.ceil(RUNS * 0.25), async (fuzzCase) => {
    const response = await send(fuzzCase);
    expectClean(response, new Set(['BAD_USER_INPUT']));
    const result = response.body.data?.[fuzzCase.field];
    const nodes: Array<Record<string, unknown>> = result?.nodes ?? (result ? [result] : []);
    const { argument, variables: { value } } = fuzzCase;
    expect(nodes.filter((node) => !honours(argument!, node, value))).toEqual([]);
    if (result?.nodes) expect(result.totalCount).toBeGreaterThanOrEqual(seededMatches(argument!, value));
  }, READ_LANES);
  expect(await sourceFingerprint(app.dataSource)).toEqual(before);
}, PROPERTY_TIMEOUT_MS);
