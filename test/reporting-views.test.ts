import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createReportingRole, dropReportingRole, roleConnectionString } from '../src/reporting/reporting-role';
import { seedDemoData } from '../src/seed';
import { startTestApp, TestApp } from './support/test-app';

// A BI tool connected as a reporting role reproduces the GraphQL report from reporting.touch_credits,
// and can read nothing else. Role names are cluster-wide: each test makes its own and drops it.
let app: TestApp;
let databaseUrl: string;
const roles: string[] = [];

const uniqueRole = () => {
  const name = `bi_test_${randomBytes(5).toString('hex')}`;
  roles.push(name);
  return name;
};

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.dataSource, { size: 'small' });
  databaseUrl = (app.dataSource.options as { url: string }).url;
});
afterAll(async () => {
  for (const name of roles) await dropReportingRole(app.dataSource, name);
  await app.stop();
});

async function connectAs(name: string): Promise<Client> {
  const password = await createReportingRole(app.dataSource, name, 5_000);
  const client = new Client({ connectionString: roleConnectionString(databaseUrl, name, password) });
  await client.connect();
  return client;
}

const REPORT = `query($input: AttributionInput!) { attribution(input: $input) {
  currency total { amountMinor } rows { key revenue { amountMinor } } unattributedRow { key revenue { amountMinor } } } }`;

async function graphqlByChannel(input: Record<string, unknown>): Promise<Record<string, string>> {
  const body = await app.gql(REPORT, { input: { ...input, groupBy: ['CHANNEL'] } });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  const report = body.data!.attribution;
  const rows = [...report.rows, report.unattributedRow] as Array<{ key: string; revenue: { amountMinor: string } }>;
  return Object.fromEntries(rows.filter((row) => row.revenue.amountMinor !== '0').map((row) => [row.key, row.revenue.amountMinor]));
}

const FROM = '2025-03-01T00:00:00Z';
const TO = '2025-12-01T00:00:00Z';

describe('as a reporting role', () => {
  let client: Client;
  beforeAll(async () => { client = await connectAs(uniqueRole()); });
  afterAll(async () => { await client.end(); });

  test.each([
    ['REVENUE', 'FIRST_TOUCH'], ['REVENUE', 'LINEAR'], ['REVENUE', 'W_SHAPED'], ['REVENUE', 'TIME_DECAY'],
    ['PIPELINE', 'LAST_NON_DIRECT'], ['PIPELINE', 'U_SHAPED'], ['PIPELINE', 'J_SHAPED'],
  ])('%s under %s: summing touch_credits by channel gives the GraphQL report to the cent', async (basis, model) => {
    const expected = await graphqlByChannel({ basis, model, from: FROM, to: TO });
    const { rows } = await client.query<{ channel: string; credit: string }>(`
      SELECT coalesce(channel, 'UNATTRIBUTED') AS channel, sum(credit_reporting_minor)::text AS credit
      FROM reporting.touch_credits
      WHERE basis = $1 AND model = $2 AND conversion_at >= $3 AND conversion_at < $4
      GROUP BY 1 HAVING sum(credit_reporting_minor) <> 0`, [basis, model, FROM, TO]);
    expect(Object.fromEntries(rows.map((row) => [row.channel, row.credit]))).toEqual(expected);
    expect(Object.keys(expected).length).toBeGreaterThan(3);
  });

  test('touch_credits has the contract columns, credit_reporting_minor as bigint, every column documented', async () => {
    const { rows } = await client.query<{ column_name: string; data_type: string; comment: string | null }>(`
      SELECT column_name, data_type, col_description('reporting.touch_credits'::regclass, ordinal_position) AS comment
      FROM information_schema.columns WHERE table_schema = 'reporting' AND table_name = 'touch_credits'`);
    const types = Object.fromEntries(rows.map((row) => [row.column_name, row.data_type]));
    for (const column of ['basis', 'model', 'deal_external_id', 'deal_created_at', 'deal_closed_at', 'touch_external_id',
      'occurred_at', 'channel', 'campaign_external_id', 'reporting_currency']) expect(types).toHaveProperty(column);
    expect(types.credit_reporting_minor).toBe('bigint');
    expect(rows.filter((row) => !row.comment)).toEqual([]);
  });

  test('every reporting view and its columns carry a description', async () => {
    const { rows } = await client.query<{ name: string }>(`
      SELECT c.relname || coalesce('.' || a.attname, '') AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND col_description(c.oid, a.attnum) IS NULL
      WHERE n.nspname = 'reporting' AND (obj_description(c.oid, 'pg_class') IS NULL OR a.attname IS NOT NULL)`);
    expect(rows).toEqual([]);
    const views = await client.query(`SELECT table_name FROM information_schema.views WHERE table_schema = 'reporting' ORDER BY 1`);
    expect(views.rows.map((row) => row.table_name)).toEqual(['campaign_spend', 'campaigns', 'deals', 'lead_stages', 'leads', 'touch_credits', 'touches']);
  });

  test('counting lead_stages by first channel gives the GraphQL funnel', async () => {
    const body = await app.gql(`query($input: FunnelInput!) { funnel(input: $input) { rows { key stages { count } } } }`,
      { input: { from: FROM, to: TO, groupBy: 'CHANNEL' } });
    expect(body.errors).toBeUndefined();
    const expected = Object.fromEntries((body.data!.funnel.rows as Array<{ key: string; stages: Array<{ count: number }> }>)
      .map((row) => [row.key, row.stages.map((stage) => stage.count)]));
    const { rows } = await client.query<{ channel: string; counts: number[] }>(`
      SELECT coalesce(first_channel, '(none)') AS channel,
             ARRAY[count(*), count(mql_at), count(sql_at), count(opportunity_at), count(won_at)]::int[] AS counts
      FROM reporting.lead_stages WHERE created_at >= $1 AND created_at < $2 GROUP BY 1`, [FROM, TO]);
    expect(Object.fromEntries(rows.map((row) => [row.channel, row.counts]))).toEqual(expected);
    expect(rows.filter((row) => row.counts[4] > 0).length).toBeGreaterThan(2);
  });

  test('the other views answer with the demo data', async () => {
    const counts = await client.query(`SELECT (SELECT count(*) FROM reporting.deals)::int AS deals,
      (SELECT count(*) FROM reporting.touches)::int AS touches, (SELECT count(*) FROM reporting.campaign_spend)::int AS spend,
      (SELECT count(*) FROM reporting.leads WHERE lifecycle_stage IS NOT NULL)::int AS leads`);
    expect(counts.rows[0].touches).toBeGreaterThan(40_000);
    expect(counts.rows[0].deals).toBeGreaterThan(100);
    expect(counts.rows[0].spend).toBeGreaterThan(0);
    expect(counts.rows[0].leads).toBeGreaterThan(1000);
  });

  test.each([
    ['reading api_keys', 'SELECT * FROM public.api_keys'],
    ['reading a base table', 'SELECT * FROM public.deals LIMIT 1'],
    ['reading the stored credits beneath the view', 'SELECT * FROM public.touch_credits LIMIT 1'],
  ])('%s is refused', async (_what, sql) => {
    await expect(client.query(sql)).rejects.toMatchObject({ code: '42501' });
  });

  test.each([
    ['an insert', `INSERT INTO public.channels (slug) VALUES ('bi_wrote_this')`],
    ['an update', `UPDATE public.deals SET name = 'x'`],
    ['a delete', 'DELETE FROM public.touch_credits'],
    ['a new table in reporting', 'CREATE TABLE reporting.mine (a int)'],
    ['a new table in public', 'CREATE TABLE public.mine (a int)'],
  ])('%s is refused, even with read-only transactions switched off', async (_what, sql) => {
    await expect(client.query(sql)).rejects.toMatchObject({ code: '25006' });
    await client.query('SET default_transaction_read_only = off');
    try {
      await expect(client.query(sql)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await client.query('SET default_transaction_read_only = on');
    }
  });

  test('the role has its own statement timeout', async () => {
    const { rows } = await client.query('SHOW statement_timeout');
    expect(rows[0].statement_timeout).toBe('5s');
    await expect(client.query('SELECT pg_sleep(6)')).rejects.toMatchObject({ code: '57014' });
  });
});

test('a dropped role can no longer connect', async () => {
  const name = uniqueRole();
  const client = await connectAs(name);
  await client.end();
  expect(await dropReportingRole(app.dataSource, name)).toBe(true);
  const password = 'x';
  const again = new Client({ connectionString: roleConnectionString(databaseUrl, name, password) });
  await expect(again.connect()).rejects.toMatchObject({ code: expect.stringMatching(/^28/) });
  expect(await dropReportingRole(app.dataSource, name)).toBe(false);
});

// The built CLI, as the README tells an analyst to run it (npm test builds first).
const CLI = join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
const cli = (args: string[]) => {
  const { DATABASE_URL: _unused, ...env } = process.env;
  return promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...env, LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl } });
};

test('npx attribution reporting-role create prints a connection string that reaches the views; drop removes the role', async () => {
  const name = uniqueRole();
  const { stdout } = await cli(['reporting-role', 'create', '--name', name]);
  const url = /^postgres:\/\/\S+$/m.exec(stdout)?.[0];
  expect(url).toBeDefined();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM touch_credits WHERE model = 'LINEAR'`);
    expect(rows[0].n).toBeGreaterThan(0);
  } finally {
    await client.end();
  }
  const refreshed = await cli(['refresh']);
  expect(refreshed.stdout).toContain('credits are current');
  expect((await cli(['reporting-role', 'drop', '--name', name])).stdout).toContain(`dropped role ${name}`);
  await expect(cli(['reporting-role', 'create', '--name', 'Bad Name'])).rejects.toMatchObject({ stderr: expect.stringContaining('role name') });
});
