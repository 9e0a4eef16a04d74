import { SeededRandom } from '../src/seed/random';
import { referenceMarkov, ReferencePath } from './support/markov-reference';
import { account, deal, ingest, lead, touch } from './support/ingest';
import { startTestApp, TestApp } from './support/test-app';

// MARKOV through the API against a reference that builds the journeys from the ingested records
// by docs/attribution.md alone and solves the chain densely: lookbacks, filters and the contacts
// rule leave some journeys without a touch, which must not be paths.
const CHANNELS = ['paid_search', 'email', 'webinar', 'direct', 'social'];
const DAY = 86_400_000;
const FROM = Date.parse('2025-03-01T00:00:00Z');
const TO = Date.parse('2025-04-01T00:00:00Z');

interface World {
  touches: Array<{ lead: string; at: number; channel: string }>;
  deals: Array<{ id: string; won: boolean; closedAt: number; amountMinor: bigint; contacts: string[] }>;
  leads: string[];
}

function world(): World {
  const random = new SeededRandom(20261205);
  const leads = Array.from({ length: 80 }, (_, index) => `L${index}`);
  // Touches over February to April; the milliseconds make every instant distinct, so that
  // (occurredAt, id) order is the order of occurredAt alone.
  let index = 0;
  const touches = leads.flatMap((leadId) => Array.from({ length: random.int(0, 10) }, () => ({
    lead: leadId, at: Date.parse('2025-02-01T00:00:00Z') + random.int(0, 70 * 24 * 60) * 60_000 + (index += 1), channel: random.pick(CHANNELS),
  })));
  const deals = Array.from({ length: 40 }, (_, index) => ({
    id: `D${index}`,
    won: random.chance(0.6),
    closedAt: FROM + random.int(0, 30) * DAY + random.int(0, 23) * 3_600_000,
    amountMinor: BigInt(random.int(1_000, 900_000)),
    contacts: [...new Set([random.pick(leads.slice(0, 64)), random.pick(leads.slice(0, 64)), random.pick(leads.slice(0, 64))])]
      .slice(0, random.int(1, 3)),
  }));
  return { touches, deals, leads };
}

interface Options {
  lookbackDays?: number;
  includeChannels?: string[];
  excludeChannels?: string[];
  contacts?: 'PRIMARY' | 'DEAL_CONTACTS';
}

const collapse = (keys: string[]) => keys.filter((key, index) => index === 0 || key !== keys[index - 1]);

/** The journeys of the March report by the contract, as path rows, and the won value left without a path. */
function expectedJourneys({ touches, deals, leads }: World, options: Options) {
  const counts = (channel: string) => (!options.includeChannels || options.includeChannels.includes(channel))
    && !(options.excludeChannels ?? []).includes(channel);
  const pathOf = (contacts: readonly string[], end: number, endIncluded: boolean) => collapse(touches
    .filter((item) => contacts.includes(item.lead) && (endIncluded ? item.at <= end : item.at < end)
      && (options.lookbackDays === undefined || item.at >= end - options.lookbackDays * DAY) && counts(item.channel))
    .sort((a, b) => a.at - b.at).map((item) => item.channel));
  const rows = new Map<string, ReferencePath & { value: bigint }>();
  const add = (path: string[], won: boolean, value: bigint) => {
    const row = rows.get(JSON.stringify(path)) ?? { path, journeys: 0, conversions: 0, value: 0n };
    rows.set(JSON.stringify(path), { path, journeys: row.journeys + 1, conversions: row.conversions + (won ? 1 : 0), value: row.value + (won ? value : 0n) });
  };
  let unattributed = 0n;
  for (const item of deals) {
    if (item.closedAt < FROM || item.closedAt >= TO) continue;
    const path = pathOf(options.contacts === 'PRIMARY' ? item.contacts.slice(0, 1) : item.contacts, item.closedAt, true);
    if (path.length === 0 && item.won) unattributed += item.amountMinor;
    add(path, item.won, item.amountMinor);
  }
  const inDeals = new Set(deals.flatMap((item) => item.contacts));
  for (const leadId of leads.filter((id) => !inDeals.has(id))) {
    const own = touches.filter((item) => item.lead === leadId && item.at < TO
      && (options.lookbackDays === undefined || item.at >= TO - options.lookbackDays * DAY) && counts(item.channel));
    if (own.length > 0 && Math.max(...own.map((item) => item.at)) >= FROM) add(pathOf([leadId], TO, false), false, 0n);
  }
  return { rows: [...rows.values()], unattributed };
}

const data = world();
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  const ok = (result: { userErrors: unknown[] }) => expect(result.userErrors).toEqual([]);
  ok(await ingest(app, 'accounts', [account('A1')]));
  ok(await ingest(app, 'leads', data.leads.map((id) => lead(id, { accountExternalId: 'A1', createdAt: '2025-01-01T00:00:00Z' }))));
  ok(await ingest(app, 'touches', data.touches.map((item, index) =>
    touch(`T${index}`, item.lead, { channel: item.channel, occurredAt: new Date(item.at).toISOString() }))));
  ok(await ingest(app, 'deals', data.deals.map((item) => deal(item.id, {
    accountExternalId: 'A1', amount: `${item.amountMinor / 100n}.${String(item.amountMinor % 100n).padStart(2, '0')}`,
    status: item.won ? 'WON' : 'LOST', createdAt: '2025-02-01T00:00:00Z', closedAt: new Date(item.closedAt).toISOString(),
    contacts: item.contacts.map((leadExternalId, index) => ({ leadExternalId, primary: index === 0 })),
  }))));
});
afterAll(async () => { await app.stop(); });

const REPORT = `query($input: AttributionInput!) { attribution(input: $input) {
  unattributed { amount } rows { key revenue { amount } }
  markov { conversionProbability removalEffects { key effect } }
  paths(first: 500) { totalCount nodes { path journeys conversions value { amount } } } } }`;

const minor = (amount: string) => BigInt(amount.replace('.', ''));

describe.each<Options>([
  { lookbackDays: 7 },
  { lookbackDays: 10, excludeChannels: ['email'] },
  { includeChannels: ['webinar', 'social'] },
  { contacts: 'PRIMARY', lookbackDays: 14 },
])('MARKOV with %j', (options) => {
  const expected = expectedJourneys(data, options);

  test('the scenario leaves some won journeys without a touch, and others that convert', () => {
    expect(expected.unattributed > 0n).toBe(true);
    expect(expected.rows.some(({ path, conversions }) => path.length > 0 && conversions > 0)).toBe(true);
  });

  test.each([1, 2, 3, 4])('order %i: P(conv), removal effects, paths and credits match the reference', async (order) => {
    const body = await app.gql(REPORT, { input: { model: 'MARKOV', order, from: new Date(FROM).toISOString(), to: new Date(TO).toISOString(), ...options } });
    expect(body.errors).toBeUndefined();
    const report = body.data!.attribution;
    const reference = referenceMarkov(expected.rows, order);
    expect(Math.abs(report.markov.conversionProbability - reference.conversionProbability)).toBeLessThanOrEqual(1e-9);
    const effects = new Map(reference.removalEffects.map(({ key, effect }) => [key, effect]));
    expect(report.markov.removalEffects.map(({ key }: { key: string }) => key)).toEqual([...effects.keys()]);
    report.markov.removalEffects.forEach(({ key, effect }: { key: string; effect: number }) =>
      expect(Math.abs(effect - effects.get(key)!)).toBeLessThanOrEqual(1e-9));

    const listed = report.paths.nodes.map((node: any) => [node.path.join('>'), node.journeys, node.conversions, minor(node.value.amount)]).sort();
    const table = expected.rows.filter(({ path }) => path.length > 0)
      .map(({ path, journeys, conversions, value }) => [path.join('>'), journeys, conversions, value]).sort();
    expect(listed).toEqual(table);

    expect(minor(report.unattributed.amount)).toBe(expected.unattributed);
    const value = expected.rows.filter(({ path }) => path.length > 0).reduce((sum, row) => sum + row.value, 0n);
    const total = [...effects.values()].reduce((sum, effect) => sum + effect, 0);
    report.rows.forEach(({ key, revenue }: { key: string; revenue: { amount: string } }) => {
      const quota = total === 0 ? 0 : (Number(value) * (effects.get(key) ?? 0)) / total;
      expect(Math.abs(Number(minor(revenue.amount)) - quota)).toBeLessThanOrEqual(1 + quota * 1e-8);
    });
  });
});
