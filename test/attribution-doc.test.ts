import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { account, deal, ingest, lead, touch } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

// Keeps the worked examples of docs/attribution.md true: the tables are read from the page itself,
// the journeys they describe go in through the public mutations, and the API must answer with the
// printed figures.
const doc = readFileSync(join(__dirname, '..', 'docs', 'attribution.md'), 'utf8');

/** The markdown tables (rows of trimmed cells, header first, separator dropped) after `marker`, up to the next heading. */
function tablesAfter(marker: string): string[][][] {
  const start = doc.indexOf(marker);
  if (start < 0) throw new Error(`docs/attribution.md no longer has "${marker}"`);
  const rest = doc.slice(start + marker.length);
  const section = rest.slice(0, rest.search(/\n#{2,3} /) >>> 0);
  const tables: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of section.split('\n')) {
    if (!line.startsWith('|')) {
      current = undefined;
      continue;
    }
    if (!current) tables.push(current = []);
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    if (!cells.every((cell) => /^-+:?$/.test(cell))) current.push(cells);
  }
  return tables;
}

const column = (table: string[][], name: string) => table[0].indexOf(name);
const ok = (result: { userErrors: unknown[] }) => expect(result.userErrors).toEqual([]);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  ok(await ingest(app, 'accounts', [account('A-DOC')]));
});
afterAll(async () => { await app.stop(); });

const JOURNEY = `query($id: String!, $input: DealJourneyInput) { dealByExternalId(externalId: $id) {
  journey(input: $input) { steps { channel milestones credits { model amount { amount } } } } } }`;

async function journeySteps(id: string, input: Record<string, unknown>) {
  const body = await app.gql(JOURNEY, { id, input });
  expect(body.errors).toBeUndefined();
  return body.data!.dealByExternalId.journey.steps as Array<{ channel: string; milestones: string[]; credits: Array<{ model: string; amount: { amount: string } }> }>;
}

describe('one deal under every rule-based model', () => {
  const [revenue] = tablesAfter('### Worked example: one deal under every rule-based model');
  const [, pipeline] = tablesAfter('### Worked example: one deal under every rule-based model');
  const models = revenue[0].filter((name) => /^[A-Z_]+$/.test(name));

  beforeAll(async () => {
    expect(doc).toContain('Deal D-DOC-1 is won for 1,000.00 USD on 2025-03-08 00:00 UTC. It was created on 2025-03-04 12:00');
    expect(doc).toContain('lead L-DOC-1, was created on 2025-03-02 12:00');
    ok(await ingest(app, 'leads', [lead('L-DOC-1', { accountExternalId: 'A-DOC', createdAt: '2025-03-02T12:00:00Z' })]));
    ok(await ingest(app, 'touches', revenue.slice(1).map((row) => touch(`DOC-${row[0]}`, 'L-DOC-1', {
      channel: row[column(revenue, 'channel')], occurredAt: `${row[column(revenue, 'occurredAt')]}T00:00:00Z`,
    }))));
    ok(await ingest(app, 'deals', [deal('D-DOC-1', {
      accountExternalId: 'A-DOC', amount: '1000.00', status: 'WON', createdAt: '2025-03-04T12:00:00Z',
      closedAt: '2025-03-08T00:00:00Z', contacts: [{ leadExternalId: 'L-DOC-1', primary: true }],
    })]));
  });

  test('the page lists every rule-based model but CUSTOM', () => {
    expect(models).toEqual(['FIRST_TOUCH', 'LAST_TOUCH', 'LAST_NON_DIRECT', 'LINEAR', 'POSITION_BASED', 'U_SHAPED',
      'W_SHAPED', 'FULL_PATH', 'J_SHAPED', 'INVERSE_J', 'TIME_DECAY']);
  });

  test.each([['revenue', revenue, 'REVENUE'], ['pipeline', pipeline, 'PIPELINE']] as const)('as a %s report: milestones and every credit', async (_name, table, basis) => {
    const tableModels = table[0].filter((name) => /^[A-Z_]+$/.test(name));
    const steps = await journeySteps('D-DOC-1', { models: tableModels, basis });
    const milestones = table[0].findIndex((name) => name.startsWith('milestones'));
    expect(steps.map((step) => [
      step.milestones.slice().sort().join(', '),
      ...step.credits.map((credit) => credit.amount.amount),
    ])).toEqual(table.slice(1).map((row) => [
      row[milestones].split(', ').filter(Boolean).sort().join(', '),
      ...tableModels.map((model) => row[column(table, model)]),
    ]));
  });
});

describe.each([
  ['MARKOV', '2025-05'],
  ['COUNTERFACTUAL', '2025-06'],
  ['SHAPLEY', '2025-07'],
])('the %s worked example', (model, month) => {
  const [journeys, results] = tablesAfter(`**Worked example (${model}).**`);
  const REPORT = `query($input: AttributionInput!) { attribution(input: $input) {
    rows { key revenue { amount } } markov { conversionProbability removalEffects { key effect } } } }`;

  beforeAll(async () => {
    // One lead and one deal per journey, closed on the 20th of the example's own month.
    const each = journeys.slice(1).flatMap((row) => {
      const path = row[0].split(' > ');
      const won = Number(row[column(journeys, 'won')]);
      const lost = Number(row[column(journeys, 'lost')]);
      return Array.from({ length: won + lost }, (_, index) => ({ path, won: index < won }));
    });
    const id = (index: number) => `${model}-${index}`;
    ok(await ingest(app, 'leads', each.map((_, index) => lead(`L-${id(index)}`, { accountExternalId: 'A-DOC', createdAt: `${month}-01T00:00:00Z` }))));
    ok(await ingest(app, 'touches', each.flatMap(({ path }, index) => path.map((channel, step) =>
      touch(`T-${id(index)}-${step}`, `L-${id(index)}`, { channel, occurredAt: `${month}-0${step + 2}T00:00:00Z` })))));
    ok(await ingest(app, 'deals', each.map(({ won }, index) => deal(`D-${id(index)}`, {
      accountExternalId: 'A-DOC', amount: '10000.00', status: won ? 'WON' : 'LOST', createdAt: `${month}-01T00:00:00Z`,
      closedAt: `${month}-20T00:00:00Z`, contacts: [{ leadExternalId: `L-${id(index)}`, primary: true }],
    }))));
  });

  test('the report gives the printed revenue per key (and MARKOV its printed P(conv) and effects)', async () => {
    const next = `${month.slice(0, 5)}${String(Number(month.slice(5)) + 1).padStart(2, '0')}`;
    const body = await app.gql(REPORT, { input: { model, from: `${month}-01T00:00:00Z`, to: `${next}-01T00:00:00Z` } });
    expect(body.errors).toBeUndefined();
    const report = body.data!.attribution;
    const revenueOf = Object.fromEntries(report.rows.map((row: { key: string; revenue: { amount: string } }) => [row.key, row.revenue.amount]));
    expect(revenueOf).toEqual(Object.fromEntries(results.slice(1).map((row) => [row[0], row[column(results, 'revenue')]])));
    if (model !== 'MARKOV') return;
    const printed = /P\(conv\) = [^\n]*≈ ([0-9]+\.[0-9]+)/.exec(doc.slice(doc.indexOf('**Worked example (MARKOV).**')));
    expect(report.markov.conversionProbability).toBeCloseTo(Number(printed![1]), 6);
    const effects = column(results, 'removal effect');
    expect(report.markov.removalEffects.map(({ key, effect }: { key: string; effect: number }) => [key, effect.toFixed(6)]))
      .toEqual(results.slice(1).map((row) => [row[0], Number(row[effects]).toFixed(6)]));
  });
});

describe('exact ties in minor units', () => {
  const [ties] = tablesAfter('A 1.00 `LINEAR` deal over three touches is always 0.34, 0.33, 0.33:');

  /** "45.66 (touches 1-10), 45.65 (touches 11-46)" or "0.34, 0.33, 0.33" as one amount per touch. */
  const credits = (text: string) => text.split(', ').flatMap((part) => {
    const range = /^([0-9.]+) \(touches (\d+)-(\d+)\)$/.exec(part);
    return range ? new Array<string>(Number(range[3]) - Number(range[2]) + 1).fill(range[1]) : [part];
  });

  test.each(ties.slice(1).map((row, index) => [index, ...row]))('deal %i: %s over %s touches under %s', async (index, amount, count, model, expected) => {
    const id = `TIE-${index}`;
    ok(await ingest(app, 'leads', [lead(`L-${id}`, { accountExternalId: 'A-DOC', createdAt: '2025-08-01T00:00:00Z' })]));
    ok(await ingest(app, 'touches', Array.from({ length: Number(count) }, (_, step) =>
      touch(`T-${id}-${step}`, `L-${id}`, { occurredAt: new Date(Date.parse('2025-08-02T00:00:00Z') + step * 60_000).toISOString() }))));
    ok(await ingest(app, 'deals', [deal(`D-${id}`, {
      accountExternalId: 'A-DOC', amount, status: 'WON', createdAt: '2025-08-01T00:00:00Z', closedAt: '2025-08-20T00:00:00Z',
      contacts: [{ leadExternalId: `L-${id}`, primary: true }],
    })]));
    const steps = await journeySteps(`D-${id}`, { models: [model] });
    expect(steps.map((step) => step.credits[0].amount.amount)).toEqual(credits(expected));
  });
});
