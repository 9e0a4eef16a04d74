import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { RunningServer, startHttpServer } from '../src/server';
import { DESKTOP, launchBrowser, offlinePage, PHONE, screenshot, WatchedPage } from './support/browser';
import { at, costItem, dealItem, leadItem, seed, seedPipeline } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

// The workbench and the dashboard in a real Chromium, with every request to another address
// blocked: what an analyst on a machine without internet access gets.

const operation = (file: string) => readFileSync(join(__dirname, '..', 'docs', 'queries', file), 'utf8');
const YEAR = { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' };
const MODELS = ['FIRST_TOUCH', 'LAST_TOUCH', 'LINEAR', 'W_SHAPED', 'TIME_DECAY'];
const DASHBOARD = '/?from=2025-01-01&to=2026-01-01&model=W_SHAPED&basis=REVENUE&currency=';

let app: TestApp;
let keyed: RunningServer;
let origin: string;
let browser: Browser;

async function seedWonDeals() {
  await seedPipeline(app, { prefix: 'web', deals: 4, contactsPerDeal: 2, touchesPerLead: 3, campaigns: 3 });
  const won = [0, 1].map((d) => dealItem(`web-D${d}`, {
    accountExternalId: `web-A${d}`, amount: `${1000 + d}.50`, createdAt: at(d, '2025-02-01T00:00:00Z'),
    status: 'WON', closedAt: `2025-0${3 + d}-10T12:00:00Z`,
    contacts: [0, 1].map((l) => ({ leadExternalId: `web-L${d}-${l}`, primary: l === 0 })),
  }));
  // A won deal whose contact was never touched: its revenue is the UNATTRIBUTED bucket.
  await seed(app, 'leads', [leadItem('web-L-untouched', { createdAt: '2025-02-01T00:00:00Z' })]);
  await seed(app, 'deals', [...won, dealItem('web-D-direct', {
    amount: '499.99', createdAt: '2025-03-01T00:00:00Z', status: 'WON', closedAt: '2025-05-02T00:00:00Z',
    contacts: [{ leadExternalId: 'web-L-untouched', primary: true }],
  })]);
  await seed(app, 'costs', [costItem('web-C0', '2025-01-02', '120.50'), costItem('web-C1', '2025-02-03', '80.25')]);
}

beforeAll(async () => {
  app = await startTestApp();
  await seedWonDeals();
  // As `serve` runs it on a developer's machine: with the local admin key to hand to loopback pages.
  keyed = await startHttpServer({ dataSource: app.dataSource, port: 0, host: '127.0.0.1', localAdminKey: app.adminKey });
  origin = new URL(keyed.url).origin;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await keyed?.stop();
  await app?.stop();
});

function get(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    }).on('error', reject).end();
  });
}

async function expectClean(watched: WatchedPage) {
  expect(watched.blocked).toEqual([]);
  expect(watched.errors).toEqual([]);
  await watched.close();
}

describe('keys', () => {
  test('neither page contains a key; the local key goes only to a loopback Host, never with CORS', async () => {
    const dashboard = await get(`${origin}/`, { accept: 'text/html' });
    const workbench = await get(`${origin}/graphql`, { accept: 'text/html' });
    for (const page of [dashboard, workbench]) {
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).not.toContain(app.adminKey);
      expect(page.headers['access-control-allow-origin']).toBeUndefined();
    }

    const port = new URL(origin).port;
    const local = await get(`${origin}/web/local-key`, { origin: 'https://evil.example' });
    expect(JSON.parse(local.body)).toEqual({ key: app.adminKey });
    expect(local.headers['access-control-allow-origin']).toBeUndefined();
    expect(local.headers['cache-control']).toBe('no-store');
    for (const host of [`localhost:${port}`, `[::1]:${port}`]) {
      expect(JSON.parse((await get(`${origin}/web/local-key`, { host })).body)).toEqual({ key: app.adminKey });
    }
    // DNS rebinding: a foreign name that resolves to 127.0.0.1 arrives with its own Host header.
    expect(JSON.parse((await get(`${origin}/web/local-key`, { host: `evil.example:${port}` })).body)).toEqual({ key: null });
    // A server started without a local key (production, or an external database) has none to give.
    expect(JSON.parse((await get(`${new URL(app.url).origin}/web/local-key`, {})).body)).toEqual({ key: null });
  });
});

describe('workbench', () => {
  test('loads offline, runs an example operation and shows its result', async () => {
    const expected = await app.gql(operation('attribution-by-channel.graphql'));
    const watched = await offlinePage(browser, origin);
    const { page } = watched;
    await page.goto(`${origin}/graphql`);
    await page.locator('.graphiql-container').waitFor();
    await page.locator('#key-status', { hasText: 'Requests carry an API key' }).waitFor();
    await page.selectOption('#examples', 'AttributionByChannel');
    await page.locator('.graphiql-query-editor', { hasText: 'query AttributionByChannel' }).waitFor();
    await page.click('.graphiql-execute-button');
    const total = expected.data!.attribution.total.amount as string;
    await page.locator('.result-window', { hasText: `"amount": "${total}"` }).waitFor();
    // The schema explorer, from introspection, with the schema's descriptions.
    await page.click('button[aria-label="Show Documentation Explorer"]');
    await page.locator('.graphiql-doc-explorer a', { hasText: 'Query' }).first().click();
    await page.locator('.graphiql-doc-explorer', { hasText: 'compareModels' }).waitFor();
    await screenshot(page, 'workbench-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'workbench-phone');
    await expectClean(watched);
  });
});

async function openDashboard(page: Page, path = DASHBOARD) {
  await page.goto(`${origin}${path}`);
  await page.locator('#report[aria-busy="false"]').waitFor();
}

const text = async (page: Page, selector: string) => (await page.locator(selector).textContent())!.replace(/,/g, '');

async function tableRows(page: Page, selector: string): Promise<string[][]> {
  const rows = page.locator(`${selector} tbody tr`);
  const result: string[][] = [];
  for (let index = 0; index < (await rows.count()); index += 1) {
    result.push((await rows.nth(index).locator('td').allTextContents()).map((cell) => cell.replace(/,/g, '')));
  }
  return result;
}

describe('dashboard', () => {
  test('draws every chart, with the figures the API gives for the same inputs, to the cent', async () => {
    const variables = { ...YEAR, model: 'W_SHAPED', basis: 'REVENUE' };
    const [kpis, comparison, campaigns, months, funnel] = await Promise.all([
      app.gql(operation('kpis.graphql'), { ...YEAR, model: 'W_SHAPED' }),
      app.gql(operation('model-comparison.graphql'), { ...variables, models: MODELS }),
      app.gql(operation('campaign-performance.graphql'), variables),
      app.gql(operation('revenue-by-month.graphql'), variables),
      app.gql(operation('funnel.graphql'), YEAR),
    ]);
    const watched = await offlinePage(browser, origin);
    const { page } = watched;
    await openDashboard(page);

    for (const chart of ['models-chart', 'months-chart', 'funnel-chart']) {
      expect(Number(await page.getAttribute(`#${chart}`, 'data-points'))).toBeGreaterThan(0);
    }
    for (const key of ['revenue', 'pipeline', 'marketingSourcedRevenue', 'marketingInfluencedRevenue', 'marketingSpend']) {
      const { amount, currency } = kpis.data!.kpis[key];
      expect(await text(page, `[data-kpi="${key}"]`)).toBe(`${amount} ${currency}`);
    }
    expect(kpis.data!.kpis.revenue.amount).toBe('2501.99');

    const { compareModels } = comparison.data!;
    const byModel = (values: Array<{ model: string; revenue: { amount: string } }>) =>
      MODELS.map((model) => values.find((value) => value.model === model)!.revenue.amount);
    expect(compareModels.totals[0].unattributed.amount).toBe('499.99');
    expect(await tableRows(page, '#models-table')).toEqual([
      ...compareModels.rows.map((row: { label: string; values: [] }) => [row.label, ...byModel(row.values)]),
      ['UNATTRIBUTED', ...MODELS.map((model) => compareModels.totals.find((total: { model: string }) => total.model === model).unattributed.amount)],
    ]);

    const shown = await tableRows(page, '#campaigns-table');
    expect(shown).toHaveLength(campaigns.data!.attribution.rows.length);
    for (const row of campaigns.data!.attribution.rows) {
      expect(shown).toContainEqual([row.labels[1], row.labels[0], row.cost?.amount ?? '—', row.revenue.amount, row.roas === null ? '—' : row.roas.toFixed(2)]);
    }
    const monthRows = await tableRows(page, '#months-table');
    expect(monthRows).toHaveLength(months.data!.attribution.rows.length);
    for (const row of months.data!.attribution.rows) expect(monthRows).toContainEqual([row.keys[1].slice(0, 7), row.labels[0], row.revenue.amount]);
    expect((await tableRows(page, '#funnel-table')).map((row) => [row[0], row[1]]))
      .toEqual(funnel.data!.funnel.total.stages.map((stage: { stage: string; count: number }) => [stage.stage, String(stage.count)]));
    await screenshot(page, 'dashboard-desktop');
    await expectClean(watched);
  });

  test('drills down from a channel to its campaigns, their deals and one deal\'s credit under each model', async () => {
    const watched = await offlinePage(browser, origin);
    const { page } = watched;
    await openDashboard(page);
    await page.locator('#drill button', { hasText: 'Paid search' }).click();
    await page.locator('#drill button', { hasText: 'Campaign web-C0' }).click();
    await page.locator('#drill button', { hasText: 'Deal web-D0' }).press('Enter');
    await page.locator('#drill caption', { hasText: 'Deal web-D0 (WON)' }).waitFor();

    const { data } = await app.gql(`{ dealByExternalId(externalId: "web-D0") { id } }`);
    const credit = await app.gql(operation('deal-credit.graphql'), { id: data!.dealByExternalId.id, basis: 'REVENUE', models: [...MODELS] });
    const { steps } = credit.data!.deal.journey;
    const expected = steps.map((step: { position: number; occurredAt: string; channel: string; campaign: { name: string }; milestones: string[]; credits: Array<{ model: string; amount: { amount: string } }> }) => [
      String(step.position), step.occurredAt.slice(0, 10), step.channel, step.campaign.name, step.milestones.join(', ').replace(/,/g, '') || '—',
      ...MODELS.map((model) => step.credits.find((entry) => entry.model === model)!.amount.amount),
    ]);
    expect(await tableRows(page, '#drill table')).toEqual(expected);
    expect(await page.locator('#drill-path').textContent()).toBe('ChannelsPaid searchCampaign web-C0Deal web-D0');
    await expectClean(watched);
  });

  test('reads well on a phone', async () => {
    const watched = await offlinePage(browser, origin, PHONE);
    await openDashboard(watched.page);
    expect(Number(await watched.page.getAttribute('#models-chart', 'data-points'))).toBeGreaterThan(0);
    await screenshot(watched.page, 'dashboard-phone');
    await expectClean(watched);
  });

  test('without a key it asks for one; a refused key and a missing FX rate say what to do', async () => {
    const plain = new URL(app.url).origin;
    const watched = await offlinePage(browser, plain, DESKTOP);
    const { page } = watched;
    await page.goto(`${plain}${DASHBOARD}`);
    await page.locator('#key-message', { hasText: 'The API key is missing or was refused' }).waitFor();
    await page.fill('#key-input', 'ak_wrong_key');
    await page.press('#key-input', 'Enter');
    await page.locator('#key-message', { hasText: 'npx attribution keys create' }).waitFor();
    await page.fill('#key-input', app.adminKey);
    await page.click('#key-form button');
    await page.locator('#report[aria-busy="false"]').waitFor();
    expect(await page.isHidden('#key-form')).toBe(true);
    expect(Number(await page.getAttribute('#months-chart', 'data-points'))).toBeGreaterThan(0);

    await page.fill('input[name="currency"]', 'EUR');
    await page.click('#settings button[type="submit"]');
    await page.locator('#error', { hasText: 'Record that rate' }).waitFor();
    expect(await page.textContent('#error')).toContain('EUR');
    expect(page.url()).toContain('currency=EUR');
    // The browser logs each refused request (HTTP 401) and nothing else.
    expect(watched.errors.every((error) => error.includes('401'))).toBe(true);
    expect(watched.blocked).toEqual([]);
    await watched.close();
  });
});
