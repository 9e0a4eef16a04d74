import './bench-env';
import { loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { ApiKeyService } from '../src/auth/api-key.service';
import { Scope } from '../src/auth/scope';
import { config } from '../src/config';
import { TouchType } from '../src/database/enums';
import { refreshTouchCredits } from '../src/reports/stored-credits/touch-credit-refresh';
import { FitAttribute, LeadScoringService } from '../src/sales/lead-scoring.service';
import { seedDemoData } from '../src/seed';
import { startHttpServer } from '../src/server';
import { openBenchDatabase } from './bench-database';
import { medianMs } from './measure';

// npm run bench:credit: the large demo dataset (about 1M touches), then
//  - re-crediting every deal (all stored models, REVENUE and PIPELINE): every deal marked stale,
//    then the refresh, in deals per second;
//  - re-scoring every lead: every lead marked stale, then the scores' refresh, in leads per second;
//  - on-the-fly attribution (POSITION_BASED by CHANNEL, lookbackDays 90, one quarter) through
//    GraphQL, beside the floor and a peer: a plain SQL function crediting POSITION_BASED per
//    channel with window functions, as a PostGraphile-style service would (without its HTTP).
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZE = (process.env.BENCH_SIZE ?? 'large') as 'small' | 'large';
const QUARTER = { from: '2025-07-01T00:00:00Z', to: '2025-10-01T00:00:00Z' };
const LOOKBACK_DAYS = 90;
// BENCH_ONLY=scoring: the scoring step alone (no crediting, no reports), for work on scoring;
// BENCH_ONLY=credit: the crediting step alone (no scoring, no reports), for work on crediting;
// BENCH_ONLY=onthefly: the on-the-fly reports alone (no timed crediting, no scoring), for work on them.
const SCORING_ONLY = process.env.BENCH_ONLY === 'scoring';
const CREDIT_ONLY = process.env.BENCH_ONLY === 'credit';
const ON_THE_FLY_ONLY = process.env.BENCH_ONLY === 'onthefly';

// Rules that every demo touch type meets somewhere, with decay: the scoring's costly case.
const SCORING_RULES = {
  threshold: 100, decayHalfLifeDays: 30, slaHours: 24, nonMarketingChannels: ['sales', 'direct'],
  rules: [
    { touchType: TouchType.FORM_SUBMIT, channel: null, points: 30 }, { touchType: TouchType.WEBINAR, channel: null, points: 25 },
    { touchType: TouchType.EMAIL_CLICK, channel: 'email', points: 8 }, { touchType: null, channel: 'email', points: 2 },
    { touchType: null, channel: 'paid_search', points: 5 }, { touchType: TouchType.CONTENT_DOWNLOAD, channel: null, points: 12 },
    { touchType: TouchType.WEB_VISIT, channel: null, points: 1 },
  ],
  fitRules: [{ attribute: FitAttribute.SEGMENT, value: 'ENTERPRISE', points: 20 }],
};

/**
 * The peer: POSITION_BASED (40/20/40) per channel for won deals closed in [from, to), each
 * journey the touches of the deal's contacts in the lookback window, numbered with row_number and
 * counted with count(*) over the deal. Shares are plain numerics: no exact split into minor units.
 */
const PEER_FUNCTION = `
CREATE OR REPLACE FUNCTION peer_position_based(from_at timestamptz, to_at timestamptz, lookback_days int)
RETURNS TABLE (channel text, revenue numeric) LANGUAGE sql STABLE AS $$
  WITH journey AS (
    SELECT t.channel, d.amount_minor,
           row_number() OVER (PARTITION BY d.id ORDER BY t.occurred_at, t.id) AS position,
           count(*) OVER (PARTITION BY d.id) AS touches
    FROM deals d
    JOIN deal_contacts dc ON dc.deal_id = d.id AND dc.deleted_at IS NULL
    JOIN touches t ON t.lead_id = dc.lead_id AND t.deleted_at IS NULL
      AND t.occurred_at <= d.closed_at AND t.occurred_at >= d.closed_at - make_interval(days => lookback_days)
    WHERE d.status = 'WON' AND d.deleted_at IS NULL AND d.closed_at >= from_at AND d.closed_at < to_at
  )
  SELECT channel, sum(amount_minor * CASE
    WHEN touches = 1 THEN 1
    WHEN touches = 2 THEN 0.5
    WHEN position = 1 OR position = touches THEN 0.4
    ELSE 0.2 / (touches - 2) END)
  FROM journey GROUP BY channel
$$`;

// Seconds: the first refresh (untimed, before) already credited every deal once.
const timed = async (run: () => Promise<unknown>, prepare?: () => Promise<unknown>) =>
  (await medianMs(run, RUNS, { prepare, warmUp: false })) / 1000;

async function crediting(dataSource: DataSource) {
  const [{ deals }] = await dataSource.query('SELECT count(*)::int AS deals FROM deals');
  const seconds = await timed(() => refreshTouchCredits(dataSource, config().REPORTING_CURRENCY),
    () => dataSource.query('INSERT INTO touch_credit_stale_deals (deal_id) SELECT id FROM deals ON CONFLICT DO NOTHING'));
  return { deals: deals as number, seconds };
}

async function scoring(dataSource: DataSource) {
  const scores = new LeadScoringService(dataSource);
  await scores.setRules(SCORING_RULES);
  const [{ leads }] = await dataSource.query('SELECT count(*)::int AS leads FROM leads');
  const seconds = await timed(() => scores.refresh(),
    () => dataSource.query('INSERT INTO lead_score_stale_leads (lead_id) SELECT id FROM leads ON CONFLICT DO NOTHING'));
  return { leads: leads as number, seconds };
}

async function onTheFly(dataSource: DataSource): Promise<Array<[string, number]>> {
  const server = await startHttpServer({
    dataSource, port: 0, host: '127.0.0.1', config: { NODE_ENV: 'production', REPORT_STATEMENT_TIMEOUT_MS: 600_000 },
  });
  try {
    const { key } = await new ApiKeyService(dataSource).create('bench:credit', Scope.READ);
    const report = async () => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({
          query: 'query($input: AttributionInput!) { attribution(input: $input) { total { amount } rows { key revenue { amount } } } }',
          variables: { input: { model: 'POSITION_BASED', groupBy: ['CHANNEL'], lookbackDays: LOOKBACK_DAYS, ...QUARTER } },
        }),
      });
      const body = await response.json() as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
    // Reports are cached per database snapshot: a committed transaction before each run defeats the cache.
    const newSnapshot = () => dataSource.query('SELECT pg_current_xact_id()');
    await dataSource.query(PEER_FUNCTION);
    const peer = () => dataSource.query('SELECT * FROM peer_position_based($1, $2, $3)', [QUARTER.from, QUARTER.to, LOOKBACK_DAYS]);
    const floor = () => dataSource.query('SELECT channel, count(*) FROM touches GROUP BY channel');
    // Warm-ups: plans and caches.
    await floor();
    await peer();
    await report();
    return [
      ['floor: SELECT channel, count(*) FROM touches GROUP BY channel', await timed(floor)],
      [`peer: SQL function, POSITION_BASED with window functions, lookbackDays ${LOOKBACK_DAYS}, 2025-Q3`, await timed(peer)],
      [`attribution POSITION_BASED by CHANNEL, lookbackDays ${LOOKBACK_DAYS}, 2025-Q3 (on the fly, GraphQL)`, await timed(report, newSnapshot)],
    ];
  } finally {
    await server.stop();
  }
}

const format = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  try {
    const summary = await seedDemoData(database.dataSource, { size: SIZE });
    console.error('seeded', summary);
    const load = loadavg()[0];
    // The first refresh credits every deal once (the warm-up); the timed runs re-credit them all.
    if (!SCORING_ONLY && !ON_THE_FLY_ONLY) await refreshTouchCredits(database.dataSource, config().REPORTING_CURRENCY);
    await database.dataSource.query('VACUUM ANALYZE');
    const credit = SCORING_ONLY || ON_THE_FLY_ONLY ? null : await crediting(database.dataSource);
    const score = CREDIT_ONLY || ON_THE_FLY_ONLY ? null : await scoring(database.dataSource);
    const reports = SCORING_ONLY || CREDIT_ONLY ? [] : await onTheFly(database.dataSource);
    const [touches] = await database.dataSource.query('SELECT count(*)::int AS n FROM touches');
    console.log(`\n${SIZE} demo data, ${format(touches.n)} touches, ${database.where}, median of ${RUNS} runs; `
      + `1-minute load average ${load.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after\n`);
    console.log('| step | items | seconds (median) | per second |\n|---|---:|---:|---:|');
    if (credit) console.log(`| re-credit every deal (11 models, REVENUE and PIPELINE) | ${format(credit.deals)} | ${format(credit.seconds, 2)} | ${format(credit.deals / credit.seconds)} |`);
    if (score) console.log(`| re-score every lead | ${format(score.leads)} | ${format(score.seconds, 2)} | ${format(score.leads / score.seconds)} |`);
    if (reports.length === 0) return;
    const floor = reports[0][1];
    console.log('\n| query | median ms | vs floor |\n|---|---:|---:|');
    for (const [name, seconds] of reports) console.log(`| ${name} | ${format(seconds * 1000)} | ${(seconds / floor).toFixed(1)}x |`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
