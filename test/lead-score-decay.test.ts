import { TouchType } from '../src/database/enums';
import { FitAttribute, LeadScoringService, NewScoringRuleSet } from '../src/sales/lead-scoring.service';
import { SeededRandom } from '../src/seed/random';
import { createTestDatabase, TestDatabase } from './support/test-database';

// Rescoring sums decayed points in closed form (2^-x_i sum p_j 2^x_j, a native running sum) and
// falls back to the stepwise decayed_points for leads out of its range or near the threshold.
// Both are checked here against the definition, summed pair by pair: random leads (fractional and
// negative points, touches at the same instant), leads decades long, and a lead that reaches the
// threshold exactly.
const HALF_LIFE_DAYS = 2.5;
const DAY = 86_400_000;
const RULES: NewScoringRuleSet = {
  threshold: 40, decayHalfLifeDays: HALF_LIFE_DAYS, slaHours: 24, nonMarketingChannels: [],
  rules: [
    { touchType: TouchType.FORM_SUBMIT, channel: null, points: 17.25 }, { touchType: TouchType.WEBINAR, channel: null, points: 11.5 },
    { touchType: TouchType.EMAIL_CLICK, channel: 'email', points: 6.125 }, { touchType: null, channel: 'email', points: -3.5 },
    { touchType: null, channel: 'paid_search', points: 4.75 },
  ],
  fitRules: [{ attribute: FitAttribute.SEGMENT, value: 'ENTERPRISE', points: 9.5 }],
};
const KINDS: Array<[TouchType, string]> = [[TouchType.FORM_SUBMIT, 'web'], [TouchType.WEBINAR, 'webinar'],
  [TouchType.EMAIL_CLICK, 'email'], [TouchType.EMAIL_OPEN, 'email'], [TouchType.AD_CLICK, 'paid_search'], [TouchType.WEB_VISIT, 'organic']];
const pointsOf = (type: TouchType, channel: string) => RULES.rules.find((r) => r.touchType === type && r.channel === channel)?.points
  ?? RULES.rules.find((r) => r.touchType === type && r.channel === null)?.points
  ?? RULES.rules.find((r) => r.touchType === null && r.channel === channel)?.points;

interface Touch { at: number; type: TouchType; channel: string }
interface Lead { externalId: string; enterprise: boolean; createdAt: number; touches: Touch[] }

const BASE = Date.parse('2025-03-01T00:00:00Z');

function randomLeads(count: number): Lead[] {
  // Seeded, so that a failure can be replayed.
  const rng = new SeededRandom(19);
  const next = () => rng.float();
  return Array.from({ length: count }, (_, i) => {
    const createdAt = BASE + Math.floor(next() * 60 * DAY);
    const touches = Array.from({ length: Math.floor(next() * 25) }, () => {
      const [type, channel] = KINDS[Math.floor(next() * KINDS.length)];
      return { at: createdAt + Math.floor((next() - 0.2) * 40 * DAY), type, channel };
    });
    // Touches at the same instant as another.
    if (touches.length > 2) touches.push({ ...touches[0], type: TouchType.WEBINAR, channel: 'webinar' });
    return { externalId: `R${i}`, enterprise: next() < 0.3, createdAt, touches };
  });
}

// Decades of touches: hundreds of half-lives, past the closed form's range.
const LONG_LEADS: Lead[] = [0, 1].map((i) => ({
  externalId: `LONG${i}`, enterprise: i === 0, createdAt: BASE - 9000 * DAY,
  touches: [-9000, -8999, -4000, -20, -19.5, -19].map((day, j) => ({ at: BASE + day * DAY, type: KINDS[j % 3][0], channel: KINDS[j % 3][1] })),
}));

// 17.25 + 4.75 = 22 a day after creation, decayed exactly by two half-lives to 5.5, then 17.25 twice
// at one instant: exactly the threshold 40, at 2025-03-06. In closed form, 2^0.4 and 2^2.4 round,
// and either way would move the MQL: the lead is scored stepwise.
const EXACT_LEAD: Lead = {
  externalId: 'EXACT', enterprise: false, createdAt: BASE - DAY,
  touches: [
    { at: BASE, type: TouchType.FORM_SUBMIT, channel: 'web' }, { at: BASE, type: TouchType.AD_CLICK, channel: 'paid_search' },
    { at: BASE + 5 * DAY, type: TouchType.FORM_SUBMIT, channel: 'web' }, { at: BASE + 5 * DAY, type: TouchType.FORM_SUBMIT, channel: 'web' },
  ],
};

/** The definition: at each touch, every earlier touch's points decayed to it, pair by pair. */
function expected(lead: Lead, ids: string[]) {
  const fit = lead.enterprise ? 9.5 : 0;
  const scored = lead.touches.map((touch, i) => ({ ...touch, id: BigInt(ids[i]), points: pointsOf(touch.type, touch.channel) }))
    .filter((touch) => touch.points !== undefined && touch.at <= Date.now())
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  let mqlAt: number | null = fit >= RULES.threshold ? lead.createdAt : null;
  const running = scored.map((touch, i) => {
    const terms = scored.slice(0, i + 1).map((earlier) => earlier.points! * 2 ** (-(touch.at - earlier.at) / (HALF_LIFE_DAYS * DAY)));
    const sum = terms.reduce((a, b) => a + b, 0);
    if (mqlAt === null && fit + sum >= RULES.threshold) mqlAt = touch.at;
    return { sum, magnitude: terms.reduce((a, b) => a + Math.abs(b), 0) };
  });
  return { fit, running: running.at(-1), anchorAt: scored.at(-1)?.at ?? null, mqlAt };
}

let database: TestDatabase;
const leads = [...randomLeads(80), ...LONG_LEADS, EXACT_LEAD];
const touchIds = new Map<string, string[]>();

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.dataSource;
  await db.query(`INSERT INTO accounts (external_id, name, segment) VALUES ('BIG', 'Big', 'ENTERPRISE'), ('SMALL', 'Small', 'SMB')`);
  await new LeadScoringService(db).setRules(RULES);
  for (const lead of leads) {
    const [{ id }] = await db.query(`INSERT INTO leads (external_id, account_id, created_at, lifecycle_stage, stage_changed_at)
      SELECT $1, a.id, $2, 'LEAD', $2 FROM accounts a WHERE a.external_id = $3 RETURNING id`,
    [lead.externalId, new Date(lead.createdAt), lead.enterprise ? 'BIG' : 'SMALL']);
    const rows: Array<{ id: string }> = await db.query(`INSERT INTO touches (external_id, lead_id, channel, type, occurred_at)
      SELECT $1 || '-' || n, $2, t.channel, t.type::touch_type, t.at
      FROM unnest($3::text[], $4::text[], $5::timestamptz[]) WITH ORDINALITY AS t(channel, type, at, n) ORDER BY n RETURNING id`,
    [lead.externalId, id, lead.touches.map((t) => t.channel), lead.touches.map((t) => t.type), lead.touches.map((t) => new Date(t.at))]);
    touchIds.set(lead.externalId, rows.map((row) => row.id));
  }
  await db.query('INSERT INTO lead_score_stale_leads (lead_id) SELECT id FROM leads');
  await new LeadScoringService(db).refresh();
});
afterAll(async () => { await database.drop(); });

test('stored scores match the pairwise definition: MQL times exactly, touch points to 1e-12 of their magnitude', async () => {
  const rows: Array<{ externalId: string; fit: number; touchPoints: number; anchorAt: Date | null; mqlAt: Date | null }> =
    await database.dataSource.query(`SELECT l.external_id AS "externalId", s.fit_points AS fit, s.touch_points AS "touchPoints",
      s.anchor_at AS "anchorAt", s.mql_at AS "mqlAt" FROM lead_scores s JOIN leads l ON l.id = s.lead_id`);
  const stored = new Map(rows.map((row) => [row.externalId, row]));
  expect(stored.size).toBe(leads.length);
  let mqls = 0;
  for (const lead of leads) {
    const want = expected(lead, touchIds.get(lead.externalId)!);
    const got = stored.get(lead.externalId)!;
    expect({ lead: lead.externalId, fit: got.fit, anchorAt: got.anchorAt?.getTime() ?? null, mqlAt: got.mqlAt?.getTime() ?? null })
      .toEqual({ lead: lead.externalId, fit: want.fit, anchorAt: want.anchorAt, mqlAt: want.mqlAt });
    expect(Math.abs(got.touchPoints - (want.running?.sum ?? 0))).toBeLessThanOrEqual(1e-12 * (want.running?.magnitude ?? 0));
    if (want.mqlAt !== null) mqls += 1;
  }
  // The data exercises the threshold both ways.
  expect(mqls).toBeGreaterThan(5);
  expect(mqls).toBeLessThan(leads.length - 5);
  expect(stored.get('EXACT')!.mqlAt).toEqual(new Date(BASE + 5 * DAY));
});

test('a refresh of unchanged leads writes nothing', async () => {
  const db = database.dataSource;
  const before: Array<{ scored_at: Date }> = await db.query('SELECT scored_at FROM lead_scores ORDER BY lead_id');
  await db.query('INSERT INTO lead_score_stale_leads (lead_id) SELECT id FROM leads');
  await new LeadScoringService(db).refresh();
  expect(await db.query('SELECT scored_at FROM lead_scores ORDER BY lead_id')).toEqual(before);
  expect(await db.query('SELECT count(*)::int AS n FROM lead_score_stale_leads')).toEqual([{ n: 0 }]);
});
