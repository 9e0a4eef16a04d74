import { account, deal, ingest, lead, touch } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

// MARKOV's solve runs after the report's reads, in steps: it honours REPORT_STATEMENT_TIMEOUT_MS
// as a statement does. Long journeys over 15 channels make order 4 a chain of thousands of
// states in one cycle, seconds of work even on a quiet machine: far past the limit, whatever the
// load (a slower machine only makes the timeout more certain). The step runner's own test
// (model-steps.test.ts) checks the stop without any clock.
const LIMIT_MS = 200;
const JOURNEYS = 1200;
const BATCH = 5000;

let app: TestApp;

async function ingestAll(list: 'leads' | 'touches' | 'deals', items: object[]) {
  for (let start = 0; start < items.length; start += BATCH) {
    expect((await ingest(app, list, items.slice(start, start + BATCH))).userErrors).toEqual([]);
  }
}

beforeAll(async () => {
  app = await startTestApp({ REPORT_STATEMENT_TIMEOUT_MS: LIMIT_MS });
  let seed = 5;
  const random = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
    return seed / 2 ** 32;
  };
  const journeys = Array.from({ length: JOURNEYS }, (_, index) => ({
    index, length: 20 + Math.floor(random() * 40), won: random() < 0.3,
  }));
  await ingest(app, 'accounts', [account('ML-A')]);
  await ingestAll('leads', journeys.map(({ index }) => lead(`ML-L${index}`, { accountExternalId: 'ML-A', createdAt: '2024-12-01T00:00:00Z' })));
  await ingestAll('touches', journeys.flatMap(({ index, length }) => Array.from({ length }, (_, step) => touch(`ML-T${index}-${step}`, `ML-L${index}`, {
    channel: `channel_${Math.floor(random() * 15)}`, occurredAt: new Date(Date.UTC(2025, 0, 1, 0, step)).toISOString(),
  }))));
  await ingestAll('deals', journeys.filter(({ won }) => won).map(({ index }) => deal(`ML-D${index}`, {
    accountExternalId: 'ML-A', status: 'WON', closedAt: '2025-06-01T00:00:00Z', contacts: [{ leadExternalId: `ML-L${index}` }],
  })));
});
afterAll(async () => { await app.stop(); });

const REPORT = 'query($input: AttributionInput!) { attribution(input: $input) { total { amount } } }';

test('a MARKOV solve that runs longer than REPORT_STATEMENT_TIMEOUT_MS is a TIMEOUT error naming the limit', async () => {
  const body = await app.gql(REPORT, { input: { model: 'MARKOV', groupBy: ['CHANNEL'], order: 4 } });
  expect(body.errors).toEqual([expect.objectContaining({
    message: `Report cancelled: it ran longer than REPORT_STATEMENT_TIMEOUT_MS = ${LIMIT_MS} ms`,
    extensions: { code: 'TIMEOUT', limit: 'REPORT_STATEMENT_TIMEOUT_MS', max: LIMIT_MS },
  })]);
});
