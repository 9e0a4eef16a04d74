import { parse } from 'csv-parse/sync';
import { ApiKeyService } from '../src/auth/api-key.service';
import { Scope } from '../src/auth/scope';
import { ExportLinks } from '../src/export/export-links';
import { logger } from '../src/logger';
import { seedDemoData } from '../src/seed';
import { deal } from './support/ingest';
import { seed } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

// Flat exports as a BI tool, pandas or a spreadsheet reads them: the same numbers as GraphQL, to the
// cent, in strict RFC 4180 CSV or JSON Lines; errors coded as GraphQL codes them.
let app: TestApp;
let readKey: string;
let origin: string;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.dataSource, { size: 'small' });
  await app.dataSource.query('ANALYZE');
  readKey = await app.createKey(Scope.READ);
  origin = new URL(app.url).origin;
});
afterAll(async () => { await app.stop(); });

const PERIOD = { from: '2025-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z' };
// Credit exports cover a quarter: parsing a whole export synchronously would stall the event loop
// the test shares with the server for seconds, long enough to race its keep-alive timeout.
const QUARTER = { from: '2025-10-01T00:00:00Z', to: '2026-01-01T00:00:00Z' };

function exportUrl(file: string, input?: unknown): string {
  const url = new URL(`/export/${file}`, origin);
  if (input !== undefined) url.searchParams.set('input', JSON.stringify(input));
  return url.toString();
}

const get = (file: string, input?: unknown, key: string | null = readKey) =>
  fetch(exportUrl(file, input), { headers: key ? { authorization: `Bearer ${key}` } : {} });

type CsvRow = { [column: string]: string };
const csv = (text: string): CsvRow[] => parse(text, { columns: true });
const sum = (values: string[]) => values.reduce((total, value) => total + BigInt(value), 0n);

async function graphql(query: string, input: unknown) {
  const body = await app.gql(query, { input }, { authorization: `Bearer ${readKey}` });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

const REPORT = `query($input: AttributionInput!) { attribution(input: $input) {
  total { amountMinor } rows { keys revenue { amountMinor } } unattributedRow { keys revenue { amountMinor } } } }`;

describe('/export/attribution', () => {
  const input = { model: 'W_SHAPED', groupBy: ['CHANNEL', 'MONTH'], ...PERIOD, timeZone: 'Europe/Paris' };

  test('csv: one column per dimension, the rows of the GraphQL report to the cent, UNATTRIBUTED included', async () => {
    const response = await get('attribution.csv', input);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const text = await response.text();
    expect(text.split('\r\n')[0]).toMatch(/^channel,month,channel_label,month_label,model,currency,/);
    const rows = csv(text);
    const report = (await graphql(REPORT, input)).attribution;
    const expected = [...report.rows, report.unattributedRow].map((row: { keys: string[]; revenue: { amountMinor: string } }) =>
      ({ channel: row.keys[0], month: row.keys[1], revenue_minor: row.revenue.amountMinor }));
    expect(rows.map(({ channel, month, revenue_minor }) => ({ channel, month, revenue_minor }))).toEqual(expected);
    expect(rows.at(-1)).toMatchObject({ channel: 'UNATTRIBUTED', month: 'UNATTRIBUTED' });
    expect(sum(rows.map((row) => row.revenue_minor)).toString()).toBe(report.total.amountMinor);
    for (const row of rows) expect(row.revenue.replace('.', '')).toBe(row.revenue_minor.padStart(3, '0'));
  });

  test('jsonl: the same rows, one JSON object per line, amounts as exact strings', async () => {
    const [csvText, jsonl] = await Promise.all([get('attribution.csv', input).then((r) => r.text()), get('attribution.jsonl', input)]);
    expect(jsonl.headers.get('content-type')).toMatch(/^application\/jsonl/);
    const lines = (await jsonl.text()).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.revenue_minor)).toEqual(csv(csvText).map((row) => row.revenue_minor));
    expect(lines[0]).toEqual(expect.objectContaining({ channel: expect.any(String), revenue: expect.stringMatching(/^\d+\.\d\d$/), deals: expect.any(Number) }));
  });

  test('a campaign name with a comma, a quote and a line break survives RFC 4180 quoting', async () => {
    const name = 'Spring "Launch", EMEA\nwave 2 — café';
    await seed(app, 'campaigns', [{ externalId: 'CSV-QUOTED', name, channel: 'events' }]);
    await seed(app, 'costs', [{ campaignExternalId: 'CSV-QUOTED', date: '2025-03-01', amount: '12.34', currency: 'USD' }]);
    const rows = csv(await (await get('attribution.csv', { model: 'LINEAR', groupBy: ['CAMPAIGN'], ...PERIOD })).text());
    expect(rows.find((row) => row.campaign === 'CSV-QUOTED')).toMatchObject({ campaign_label: name, cost_minor: '1234', revenue_minor: '0' });
  });
});

test('/export/compare-models.csv: one column per model, each summing to the total', async () => {
  const input = { models: ['FIRST_TOUCH', 'LINEAR', 'TIME_DECAY'], basis: 'PIPELINE', ...PERIOD };
  const rows = csv(await (await get('compare-models.csv', input)).text());
  const { compareModels } = await graphql('query($input: CompareModelsInput!) { compareModels(input: $input) { total { amountMinor } } }', input);
  for (const model of ['first_touch', 'linear', 'time_decay']) {
    expect(sum(rows.map((row) => row[`${model}_revenue_minor`])).toString()).toBe(compareModels.total.amountMinor);
  }
  expect(rows.at(-1)).toMatchObject({ channel: 'UNATTRIBUTED' });
});

describe('/export/credits', () => {
  test('one line per deal, touch and model, for any journey options; by channel they sum to the report', async () => {
    const input = { models: ['LINEAR', 'U_SHAPED'], lookbackDays: 60, contacts: 'PRIMARY', ...QUARTER };
    const rows = csv(await (await get('credits.csv', input)).text());
    expect(rows.length).toBeGreaterThan(1_000);
    for (const model of ['LINEAR', 'U_SHAPED']) {
      const byChannel = new Map<string, bigint>();
      for (const row of rows.filter((line) => line.model === model)) {
        byChannel.set(row.channel, (byChannel.get(row.channel) ?? 0n) + BigInt(row.credit_minor));
      }
      const report = (await graphql(REPORT, { model, lookbackDays: 60, contacts: 'PRIMARY', ...QUARTER })).attribution;
      const expected = Object.fromEntries([...report.rows, report.unattributedRow]
        .filter((row: { revenue: { amountMinor: string } }) => row.revenue.amountMinor !== '0')
        .map((row: { keys: string[]; revenue: { amountMinor: string } }) => [row.keys[0], row.revenue.amountMinor]));
      expect(Object.fromEntries([...byChannel].filter(([, credit]) => credit !== 0n).map(([key, credit]) => [key, credit.toString()]))).toEqual(expected);
    }
    expect(rows[0]).toEqual(expect.objectContaining({ deal_external_id: expect.any(String), touch_external_id: expect.any(String), basis: 'REVENUE' }));
  });

  test('default options read the stored credits: by channel they sum to the report too', async () => {
    const input = { models: ['W_SHAPED', 'TIME_DECAY'], basis: 'PIPELINE', ...QUARTER };
    const rows = csv(await (await get('credits.csv', input)).text());
    for (const model of ['W_SHAPED', 'TIME_DECAY']) {
      const byChannel = new Map<string, bigint>();
      for (const row of rows.filter((line) => line.model === model)) {
        byChannel.set(row.channel, (byChannel.get(row.channel) ?? 0n) + BigInt(row.credit_minor));
      }
      const report = (await graphql(REPORT, { model, basis: 'PIPELINE', ...QUARTER })).attribution;
      expect(Object.fromEntries([...byChannel].filter(([, credit]) => credit !== 0n).map(([key, credit]) => [key, credit.toString()])))
        .toEqual(Object.fromEntries([...report.rows, report.unattributedRow]
          .filter((row: { revenue: { amountMinor: string } }) => row.revenue.amountMinor !== '0')
          .map((row: { keys: string[]; revenue: { amountMinor: string } }) => [row.keys[0], row.revenue.amountMinor])));
    }
    expect(rows[0]).toEqual(expect.objectContaining({ basis: 'PIPELINE', deal_external_id: expect.any(String) }));
    // PostgreSQL writes this CSV (COPY); JSONL is written row by row: the same lines either way.
    const jsonl = (await (await get('credits.jsonl', input)).text()).trimEnd().split('\n').map((line) => JSON.parse(line));
    const key = (row: Partial<CsvRow>) => [row.model, row.deal_external_id, row.touch_external_id || '', row.credit_minor, row.channel].join('|');
    expect(jsonl.map(key).sort()).toEqual(rows.map(key).sort());
  });

  test('a data-driven model is BAD_USER_INPUT before the first byte', async () => {
    const response = await get('credits.csv', { model: 'MARKOV' });
    expect(response.status).toBe(400);
    expect((await response.json() as any).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.models' } });
  });
});

describe('errors before the first byte are HTTP errors with the GraphQL codes', () => {
  test('input is checked exactly as GraphQL checks the variable', async () => {
    const input = { model: 'LINEARR' };
    const response = await get('attribution.csv', input);
    expect(response.status).toBe(400);
    const { errors } = await response.json() as any;
    const body = await app.gql(REPORT, { input });
    expect(errors).toEqual([expect.objectContaining({ message: body.errors![0].message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });

  test.each([
    ['no key', 'attribution.csv', { model: 'LINEAR' }, null, 401, 'UNAUTHENTICATED'],
    ['a bad key', 'attribution.csv', { model: 'LINEAR' }, 'nope', 401, 'UNAUTHENTICATED'],
    ['input that is not JSON', 'attribution.csv', '{model', undefined, 400, 'BAD_USER_INPUT'],
    ['a period backwards', 'compare-models.jsonl', { models: ['LINEAR'], from: '2026-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }, undefined, 400, 'BAD_USER_INPUT'],
    ['an unknown export', 'revenue.csv', { model: 'LINEAR' }, undefined, 404, 'BAD_REQUEST'],
  ])('%s', async (_what, file, input, key, status, code) => {
    const url = new URL(exportUrl(file));
    url.searchParams.set('input', typeof input === 'string' ? input : JSON.stringify(input));
    const response = await fetch(url, { headers: key === null ? {} : { authorization: `Bearer ${key ?? readKey}` } });
    expect(response.status).toBe(status);
    expect((await response.json() as any).errors[0].extensions.code).toBe(code);
  });
});

describe('export links', () => {
  const input = { model: 'POSITION_BASED', groupBy: ['CAMPAIGN'], ...PERIOD };
  const CREATE = 'mutation($input: CreateExportLinkInput!) { createExportLink(input: $input) { url expiresAt } }';

  async function createLink(variables: Record<string, unknown>) {
    return app.gql(CREATE, { input: variables }, { authorization: `Bearer ${readKey}` });
  }

  test('a read key gets a URL that returns the same CSV with no header, for 7 days by default', async () => {
    const before = Date.now();
    const body = await createLink({ report: 'ATTRIBUTION', input, format: 'CSV' });
    expect(body.errors).toBeUndefined();
    const { url, expiresAt } = body.data!.createExportLink;
    expect(url.startsWith(`${origin}/export/attribution.csv?token=`)).toBe(true);
    expect(Date.parse(expiresAt) - before).toBeGreaterThanOrEqual(168 * 3_600_000 - 1000);
    expect(Date.parse(expiresAt) - before).toBeLessThanOrEqual(168 * 3_600_000 + 60_000);
    const viaLink = await fetch(url);
    expect(viaLink.status).toBe(200);
    expect(await viaLink.text()).toBe(await (await get('attribution.csv', input)).text());
  });

  test('the link opens that export only: another file, a changed input or a forged token are refused', async () => {
    const { url } = (await createLink({ report: 'ATTRIBUTION', input, format: 'CSV' })).data!.createExportLink;
    const token = new URL(url).searchParams.get('token')!;
    const other = await fetch(`${origin}/export/credits.csv?token=${token}`);
    expect(other.status).toBe(401);
    const withInput = await fetch(`${url}&input=${encodeURIComponent(JSON.stringify({ model: 'LINEAR' }))}`);
    expect(withInput.status).toBe(400);
    const [payload, signature] = token.split('.');
    const altered = Buffer.from(Buffer.from(payload!, 'base64url').toString().replace('POSITION_BASED', 'LINEAR')).toString('base64url');
    for (const forged of [`${altered}.${signature}`, `${payload}.${'A'.repeat(43)}`, 'garbage']) {
      const response = await fetch(`${origin}/export/attribution.csv?token=${forged}`);
      expect(response.status).toBe(401);
      expect((await response.json() as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  test('expired links and links of revoked keys are refused', async () => {
    const keys = new ApiKeyService(app.dataSource);
    const links = new ExportLinks(app.dataSource, keys);
    const { id } = await keys.create('spreadsheet', Scope.READ);
    const claims = { keyId: id, report: 'attribution' as const, format: 'csv' as const, input };
    const expired = await links.sign({ ...claims, expiresAt: new Date(Date.now() - 1000) });
    const live = await links.sign({ ...claims, expiresAt: new Date(Date.now() + 3_600_000) });
    const expiredResponse = await fetch(`${origin}/export/attribution.csv?token=${expired}`);
    expect(expiredResponse.status).toBe(401);
    expect((await expiredResponse.json() as any).errors[0].message).toMatch(/expired/);
    await keys.revoke(id);
    const revoked = await fetch(`${origin}/export/attribution.csv?token=${live}`);
    expect(revoked.status).toBe(401);
    expect((await revoked.json() as any).errors[0].message).toMatch(/revoked/);
  });

  test.each([
    [{ report: 'ATTRIBUTION', input, format: 'CSV', expiresInHours: 721 }, 'input.expiresInHours'],
    [{ report: 'ATTRIBUTION', input: { model: 'NOPE' }, format: 'CSV' }, 'input.input'],
    [{ report: 'CREDITS', input: { model: 'SHAPLEY' }, format: 'JSONL' }, 'input.input.models'],
  ])('bad link input is BAD_USER_INPUT naming the field: %#', async (variables, field) => {
    const body = await createLink(variables);
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  test('a GraphQL literal may name enum values bare, and 30 days is allowed', async () => {
    const body = await app.gql(`mutation { createExportLink(input: { report: CREDITS, input: { model: LINEAR, groupBy: [CAMPAIGN] },
      format: JSONL, expiresInHours: 720 }) { url } }`, undefined, { authorization: `Bearer ${readKey}` });
    expect(body.errors).toBeUndefined();
    const response = await fetch(body.data!.createExportLink.url);
    expect(response.status).toBe(200);
    const first = JSON.parse((await response.text()).split('\n')[0]!);
    expect(first).toMatchObject({ model: 'LINEAR', credit_minor: expect.any(String) });
  });

  test('tokens never reach the logs', async () => {
    const spies = (['info', 'warn', 'error', 'debug'] as const).map((level) => jest.spyOn(logger, level));
    try {
      const { url } = (await createLink({ report: 'ATTRIBUTION', input, format: 'CSV' })).data!.createExportLink;
      const token = new URL(url).searchParams.get('token')!;
      await (await fetch(url, { headers: { 'x-request-id': 'export-link-log' } })).text();
      await (await fetch(`${origin}/export/credits.csv?token=${token}`)).text();
      const logged = spies.flatMap((spy) => spy.mock.calls.map((call) => JSON.stringify(call)));
      expect(logged.some((line) => line.includes('export-link-log') && line.includes('AttributionExport'))).toBe(true);
      expect(logged.filter((line) => line.includes(token.split('.')[1]!) || line.includes(token.split('.')[0]!))).toEqual([]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});

describe('a missing FX rate', () => {
  beforeAll(async () => {
    // After the demo window, and last in deal order: no rate was ever recorded for CHF.
    await seed(app, 'deals', [deal('FX-CHF', {
      currency: 'CHF', amount: '500.00', status: 'WON', createdAt: '2026-07-15T00:00:00Z', closedAt: '2026-08-01T00:00:00Z',
    })]);
  });

  test('found before the first byte: HTTP 422 MISSING_FX_RATE', async () => {
    const response = await get('attribution.csv', { model: 'LINEAR', from: '2026-07-01T00:00:00Z' });
    expect(response.status).toBe(422);
    expect((await response.json() as any).errors[0].extensions).toMatchObject({ code: 'MISSING_FX_RATE', currency: 'CHF' });
  });

  test('found before the first byte of a stored-credits export: HTTP 422 MISSING_FX_RATE', async () => {
    for (const file of ['credits.csv', 'credits.jsonl']) {
      const response = await get(file, { model: 'LINEAR', from: '2026-07-01T00:00:00Z' });
      expect(response.status).toBe(422);
      expect((await response.json() as any).errors[0].extensions).toMatchObject({ code: 'MISSING_FX_RATE', currency: 'CHF' });
    }
  });

  test('found mid-stream: an error line, then an aborted connection, never a file that looks complete', async () => {
    // A journey option: deals stream in id order, so the new deal comes last.
    const response = await get('credits.csv', { model: 'LINEAR', from: '2026-01-01T00:00:00Z', lookbackDays: 3650 });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let text = '';
    const decoder = new TextDecoder();
    const failure = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return undefined;
        text += decoder.decode(value, { stream: true });
      }
    })().catch((error: unknown) => error);
    expect(failure).toBeDefined();
    expect(text.split('\r\n').length).toBeGreaterThan(100);
    expect(text).toMatch(/\r\n#ERROR MISSING_FX_RATE: No FX rate for CHF[^\r\n]*\r\n$/);
  });
});
