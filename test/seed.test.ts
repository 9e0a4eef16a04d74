import { DataSource } from 'typeorm';
import { SeedSummary, isDatabaseEmpty, seedDemoData } from '../src/seed';
import { TestDatabase, createTestDatabase } from './support/test-database';

// An ordered dump of what a user sees, by external ids (surrogate ids may be assigned in any order).
const DUMPS = {
  touches: `SELECT t.external_id, l.external_id AS lead, c.external_id AS campaign, t.channel, t.type, t.occurred_at,
                   t.utm_source, t.utm_medium, t.utm_campaign, t.utm_content, t.utm_term, t.properties, t.visitor_id
            FROM touches t LEFT JOIN leads l ON l.id = t.lead_id LEFT JOIN campaigns c ON c.id = t.campaign_id`,
  deals: `SELECT d.external_id, d.name, a.external_id AS account, d.amount_minor, d.currency, d.status, d.stage, d.owner,
                 d.created_at, d.closed_at,
                 (SELECT string_agg(l.external_id || CASE WHEN dc.is_primary THEN '*' ELSE '' END, ';' ORDER BY l.external_id)
                  FROM deal_contacts dc JOIN leads l ON l.id = dc.lead_id WHERE dc.deal_id = d.id) AS contacts
          FROM deals d LEFT JOIN accounts a ON a.id = d.account_id`,
  leads: `SELECT l.external_id, a.external_id AS account, l.email, l.name, l.created_at, l.lifecycle_stage, l.stage_changed_at
          FROM leads l LEFT JOIN accounts a ON a.id = l.account_id`,
  costs: `SELECT c.external_id, k.cost_date, k.amount_minor, k.currency FROM campaign_costs k JOIN campaigns c ON c.id = k.campaign_id`,
};

async function fingerprint(dataSource: DataSource): Promise<Record<string, { rows: number; md5: string }>> {
  const entries = await Promise.all(Object.entries(DUMPS).map(async ([name, sql]) => {
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS rows, md5(string_agg(x::text, E'\\n' ORDER BY x::text)) AS md5 FROM (${sql}) x`);
    return [name, row] as const;
  }));
  return Object.fromEntries(entries);
}

let first: TestDatabase;
let second: TestDatabase;
let emptyBefore: boolean;
let initial: SeedSummary;
let again: SeedSummary;

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  emptyBefore = await isDatabaseEmpty(first.dataSource);
  initial = await seedDemoData(first.dataSource, { size: 'small' });
  await seedDemoData(second.dataSource, { size: 'small' });
  again = await seedDemoData(first.dataSource, { size: 'small' });
}, 180_000);

afterAll(async () => {
  await Promise.all([first?.drop(), second?.drop()]);
});

const query = async <T>(sql: string): Promise<T> => (await first.dataSource.query(sql))[0] as T;

describe('seeding the small demo data', () => {
  test('fills an empty database', async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(first.dataSource)).toBe(false);
    for (const counts of Object.values(initial)) {
      expect(counts).toEqual({ rows: counts.rows, created: counts.rows, updated: 0, unchanged: 0 });
    }
  });

  test('gives the same data in every database', async () => {
    const [a, b] = await Promise.all([fingerprint(first.dataSource), fingerprint(second.dataSource)]);
    expect(a).toEqual(b);
    expect(a.touches.rows).toBe(initial.touches.rows);
  });

  test('a second run reports every row unchanged', () => {
    for (const [kind, counts] of Object.entries(again)) {
      expect({ kind, ...counts }).toEqual({ kind, rows: initial[kind as keyof SeedSummary].rows, created: 0, updated: 0, unchanged: counts.rows });
    }
  });
});

describe('the demo company looks like a B2B business', () => {
  test('about 50k touches on all 13 channels, all in the data window', async () => {
    const touches = await query<{ n: number; channels: number; first: Date; last: Date }>(
      'SELECT count(*)::int AS n, count(DISTINCT channel)::int AS channels, min(occurred_at) AS first, max(occurred_at) AS last FROM touches');
    expect(touches.channels).toBe(13);
    expect(touches.n).toBeGreaterThanOrEqual(40_000);
    expect(touches.n).toBeLessThanOrEqual(60_000);
    expect(touches.first.getTime()).toBeGreaterThanOrEqual(Date.UTC(2025, 0, 1));
    expect(touches.last.getTime()).toBeLessThan(Date.UTC(2026, 6, 1));
  });

  test('most journeys start anonymous: identified browsers, some with two devices, and visitors who never identify', async () => {
    const journeys = await query<{ leads: number; anonymousFirst: number; twoDevices: number; neverIdentified: number }>(`
      SELECT count(*)::int AS leads,
             count(*) FILTER (WHERE first.lead_via_visitor)::int AS "anonymousFirst",
             (SELECT count(*)::int FROM (SELECT lead_id FROM visitor_links GROUP BY lead_id HAVING count(*) = 2) x) AS "twoDevices",
             (SELECT count(DISTINCT visitor_id)::int FROM touches WHERE lead_id IS NULL) AS "neverIdentified"
      FROM leads l CROSS JOIN LATERAL (
        SELECT t.lead_via_visitor FROM touches t WHERE t.lead_id = l.id ORDER BY t.occurred_at, t.id LIMIT 1) first`);
    expect(journeys.anonymousFirst / journeys.leads).toBeGreaterThan(0.6);
    expect(journeys.twoDevices).toBeGreaterThan(100);
    expect(journeys.neverIdentified).toBe(Math.floor(journeys.leads / 4));
  });

  test('accounts have buying committees of 1 to 6 leads, and some leads have no deal', async () => {
    const committees = await query<{ smallest: number; largest: number; without: number }>(`
      SELECT min(n)::int AS smallest, max(n)::int AS largest,
             (SELECT count(*)::int FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM leads l WHERE l.account_id = a.id)) AS without
      FROM (SELECT count(*) AS n FROM leads GROUP BY account_id) c`);
    expect(committees).toEqual({ smallest: 1, largest: 6, without: 0 });
    const { dealless } = await query<{ dealless: number }>(
      'SELECT count(*)::int AS dealless FROM leads l WHERE NOT EXISTS (SELECT 1 FROM deal_contacts dc WHERE dc.lead_id = l.id)');
    expect(dealless).toBeGreaterThan(500);
  });

  test('deals are open, won and lost, with a win rate of 15-35% in at least 3 currencies', async () => {
    const deals = await query<{ open: number; won: number; lost: number; currencies: number }>(`
      SELECT count(*) FILTER (WHERE status = 'OPEN')::int AS open, count(*) FILTER (WHERE status = 'WON')::int AS won,
             count(*) FILTER (WHERE status = 'LOST')::int AS lost, count(DISTINCT currency)::int AS currencies FROM deals`);
    expect(deals.open).toBeGreaterThan(0);
    const winRate = deals.won / (deals.won + deals.lost);
    expect(winRate).toBeGreaterThan(0.15);
    expect(winRate).toBeLessThan(0.35);
    expect(deals.currencies).toBeGreaterThanOrEqual(3);
  });

  test('win rates differ by the channel that brought the account in', async () => {
    const rates: Array<{ rate: number }> = await first.dataSource.query(`
      WITH first_lead AS (SELECT DISTINCT ON (account_id) account_id, id, created_at FROM leads ORDER BY account_id, created_at, id),
           source AS (SELECT f.account_id, min(t.channel) AS channel FROM first_lead f
                      JOIN touches t ON t.lead_id = f.id AND t.occurred_at = f.created_at GROUP BY 1)
      SELECT s.channel, avg((d.status = 'WON')::int)::float AS rate
      FROM deals d JOIN source s USING (account_id) WHERE d.status <> 'OPEN' GROUP BY 1 HAVING count(*) >= 50`);
    const values = rates.map(({ rate }) => rate);
    expect(rates.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(0.1);
  });

  test('every deal has one primary contact from its own account, and stages follow the deals', async () => {
    const contacts = await query<{ primaries: number; deals: number; foreign: number; notCustomer: number }>(`
      SELECT (SELECT count(*) FROM deal_contacts WHERE is_primary)::int AS primaries, (SELECT count(*) FROM deals)::int AS deals,
             (SELECT count(*) FROM deal_contacts dc JOIN leads l ON l.id = dc.lead_id WHERE l.account_id <> dc.account_id)::int AS foreign,
             (SELECT count(DISTINCT l.id) FROM deal_contacts dc JOIN deals d ON d.id = dc.deal_id JOIN leads l ON l.id = dc.lead_id
              WHERE d.status = 'WON' AND l.lifecycle_stage <> 'CUSTOMER')::int AS "notCustomer"`);
    expect(contacts).toEqual({ primaries: contacts.deals, deals: contacts.deals, foreign: 0, notCustomer: 0 });
  });

  test('touches are denser in the month before a deal is created', async () => {
    const density = await query<{ before: number; earlier: number }>(`
      SELECT count(*) FILTER (WHERE t.occurred_at >= d.created_at - interval '30 days')::int AS before,
             count(*) FILTER (WHERE t.occurred_at < d.created_at - interval '60 days')::int AS earlier
      FROM deals d JOIN deal_contacts dc ON dc.deal_id = d.id
      JOIN touches t ON t.lead_id = dc.lead_id AND t.occurred_at < d.created_at AND t.occurred_at >= d.created_at - interval '90 days'`);
    expect(density.before).toBeGreaterThan(2 * density.earlier);
  });

  test('every deal and cost currency has an exchange rate in force', async () => {
    const missing = await query<{ n: number }>(`
      SELECT count(*)::int AS n FROM (SELECT currency, created_at::date AS day FROM deals
                                     UNION SELECT currency, cost_date FROM campaign_costs) x
      WHERE NOT EXISTS (SELECT 1 FROM fx_rates r WHERE r.currency = x.currency AND r.rate_date <= x.day)`);
    expect(missing.n).toBe(0);
  });
});
