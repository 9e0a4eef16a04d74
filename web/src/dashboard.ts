import { ApiError, findApiKey, loadOperations, operationRunner, rememberApiKey } from './api.js';
import { barChart } from './charts.js';
import { drillDown } from './drill-down.js';
import { amount, decimal, fillTable, minorUnits, money, percent } from './format.js';
import {
  AttributionRow, CampaignPerformanceData, ChannelData, FunnelData, HandoffSlaData, KpisData, Money, ModelComparisonData,
  RevenueByMonthData, Settings,
} from './reports.js';

// The dashboard: every figure comes from an operation of docs/queries, sent by name with the
// settings of the form, which the address bar keeps (so a view can be shared as a link).

const COMPARED_MODELS = ['FIRST_TOUCH', 'LAST_TOUCH', 'LINEAR', 'W_SHAPED', 'TIME_DECAY'];
const UNATTRIBUTED = 'UNATTRIBUTED';

const form = document.getElementById('settings') as HTMLFormElement;
const keyForm = document.getElementById('key-form') as HTMLFormElement;
const status = document.getElementById('status')!;
const errorBox = document.getElementById('error')!;
const report = document.getElementById('report')!;
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let apiKey: string | null = null;
let run: ReturnType<typeof operationRunner>;

const comparedModels = (settings: Settings) => [...new Set([...COMPARED_MODELS, settings.model])];

function explain(error: unknown): string {
  if (!(error instanceof ApiError)) return `The API did not answer (${(error as Error).message}): is the server running?`;
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return 'The API key is missing or was refused. Paste a valid key below: `npx attribution keys create --name dashboard --scope read` prints one.';
    case 'FORBIDDEN':
      return `This key may not run these reports: ${error.message} Use a key with the read scope.`;
    case 'MISSING_FX_RATE':
      return `${error.message} Record that rate (recordFxRates, or \`npx attribution import fx\`), or pick another currency.`;
    case 'BAD_USER_INPUT':
      return `${error.message} Check the settings above.`;
    default:
      return `The report failed: ${error.message} (${error.code}).`;
  }
}

function showError(error: unknown) {
  const unauthenticated = error instanceof ApiError && error.code === 'UNAUTHENTICATED';
  if (unauthenticated) {
    keyForm.hidden = false;
    byId('key-message').textContent = explain(error);
    return;
  }
  errorBox.hidden = false;
  if (!errorBox.textContent!.includes(explain(error))) errorBox.textContent = `${errorBox.textContent} ${explain(error)}`.trim();
}

function defaultSettings(): Record<string, string> {
  const year = new Date().getUTCFullYear() - 1;
  return { from: `${year}-01-01`, to: `${year + 1}-01-01`, model: 'W_SHAPED', basis: 'REVENUE', currency: '' };
}

/** The form's settings from the address bar, else the defaults (the last full calendar year). */
function fillForm() {
  const params = new URLSearchParams(location.search);
  for (const [name, fallback] of Object.entries(defaultSettings())) {
    const value = params.get(name) ?? fallback;
    const field = form.elements.namedItem(name);
    if (field instanceof RadioNodeList) field.value = value;
    else (field as HTMLInputElement).value = value;
  }
}

function readSettings(): Settings {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '');
  return {
    from: `${value('from')}T00:00:00Z`,
    to: `${value('to')}T00:00:00Z`,
    model: value('model'),
    basis: value('basis'),
    currency: value('currency').toUpperCase() || undefined,
  };
}

function showKpis({ kpis }: KpisData) {
  const tiles: Array<[string, string, string]> = [
    ['revenue', 'Revenue (won)', money(kpis.revenue as Money)],
    ['pipeline', 'Pipeline (created)', money(kpis.pipeline as Money)],
    ['marketingSourcedPipeline', 'Marketing-sourced pipeline', money(kpis.marketingSourcedPipeline as Money)],
    ['marketingInfluencedPipeline', 'Marketing-influenced pipeline', money(kpis.marketingInfluencedPipeline as Money)],
    ['marketingSourcedRevenue', 'Marketing-sourced revenue', money(kpis.marketingSourcedRevenue as Money)],
    ['marketingInfluencedRevenue', 'Marketing-influenced revenue', money(kpis.marketingInfluencedRevenue as Money)],
    ['attributedMarketingRevenue', 'Revenue credited to marketing', money(kpis.attributedMarketingRevenue as Money)],
    ['marketingSpend', 'Marketing spend', money(kpis.marketingSpend as Money)],
    ['winRate', 'Win rate', percent(kpis.winRate as number | null)],
    ['customerAcquisitionCost', 'CAC', money(kpis.customerAcquisitionCost as Money | null)],
    ['marketingRoi', 'Marketing ROI', percent(kpis.marketingRoi as number | null)],
    ['wonDeals', 'Won deals', String(kpis.wonDeals)],
  ];
  byId('kpis').replaceChildren(...tiles.map(([key, label, value]) => {
    const tile = document.createElement('div');
    const term = Object.assign(document.createElement('dt'), { textContent: label });
    const figure = Object.assign(document.createElement('dd'), { textContent: value });
    figure.dataset.kpi = key;
    tile.append(term, figure);
    return tile;
  }));
}

function showModelComparison({ compareModels }: ModelComparisonData, settings: Settings) {
  const { models, rows, totals, currency } = compareModels;
  const credited = (row: ModelComparisonData['compareModels']['rows'][number], model: string) =>
    row.values.find((value) => value.model === model)!.revenue.amount;
  const unattributed = (model: string) => totals.find((total) => total.model === model)!.unattributed.amount;
  const labels = [...rows.map((row) => row.label), UNATTRIBUTED];
  barChart('models-chart', labels, models.map((model) => ({
    label: model, data: [...rows.map((row) => Number(credited(row, model))), Number(unattributed(model))],
  })));
  fillTable(byId('models-table'), `${settings.basis} credited per channel (${currency})`,
    [{ label: 'Channel' }, ...models.map((model) => ({ label: model, numeric: true }))],
    [...rows.map((row) => [row.label, ...models.map((model) => amount(credited(row, model)))]),
      [UNATTRIBUTED, ...models.map((model) => amount(unattributed(model)))]]);
}

function showMonths({ attribution }: RevenueByMonthData, settings: Settings) {
  const months = [...new Set(attribution.rows.map((row) => row.keys[1]))].sort();
  const channels = [...new Set(attribution.rows.map((row) => row.labels[0]))].sort();
  const value = (channel: string, month: string) =>
    attribution.rows.find((row) => row.labels[0] === channel && row.keys[1] === month)?.revenue.amount ?? null;
  barChart('months-chart', months.map((month) => month.slice(0, 7)), channels.map((channel) => ({
    label: channel, data: months.map((month) => Number(value(channel, month) ?? 0)),
  })), { stacked: true });
  fillTable(byId('months-table'),
    `${settings.basis} per month, ${settings.model} (${attribution.currency}); unattributed over the period: ${amount(attribution.unattributed.amount)}`,
    [{ label: 'Month' }, { label: 'Channel' }, { label: 'Credited', numeric: true }],
    months.flatMap((month) => channels.filter((channel) => value(channel, month) !== null)
      .map((channel) => [month.slice(0, 7), channel, amount(value(channel, month))])));
}

function showFunnel({ funnel }: FunnelData, { handoffSla }: HandoffSlaData) {
  const stages = funnel.total.stages;
  barChart('funnel-chart', stages.map((stage) => stage.stage), [{ label: 'Leads', data: stages.map((stage) => stage.count) }], { horizontal: true });
  fillTable(byId('funnel-table'), 'Leads created in the period, by the furthest stage reached',
    [{ label: 'Stage' }, { label: 'Leads', numeric: true }, { label: 'From previous', numeric: true }, { label: 'Median days', numeric: true }],
    stages.map((stage) => [stage.stage, String(stage.count), percent(stage.conversionFromPrevious), decimal(stage.medianDaysFromPrevious, 1)]));
  const { slaHours, total } = handoffSla;
  byId('sla').textContent = total.mqls === 0
    ? `Handoff SLA (${slaHours} h): no lead became an MQL in this period.`
    : `Handoff SLA (${slaHours} h): ${total.met} of ${total.mqls} MQLs got a first sales touch in time (${percent(total.compliance)}), `
      + `${total.breached} late, ${total.pending} waiting; median response ${decimal(total.medianResponseHours, 1)} h.`;
}

function showCampaigns(rows: AttributionRow[], currency: string) {
  const sorted = [...rows].sort((a, b) => (minorUnits(b.revenue.amount) > minorUnits(a.revenue.amount) ? 1 : -1));
  fillTable(byId('campaigns-table'), `Campaigns, credited ${currency} and spend in the period`,
    [{ label: 'Campaign' }, { label: 'Channel' }, { label: 'Cost', numeric: true }, { label: 'Credited', numeric: true }, { label: 'ROAS', numeric: true }],
    sorted.map((row) => [row.labels[1], row.labels[0], amount(row.cost?.amount), amount(row.revenue.amount), decimal(row.roas)]));
}

async function load() {
  const settings = readSettings();
  const variables = { from: settings.from, to: settings.to, model: settings.model, basis: settings.basis, currency: settings.currency };
  const period = { from: settings.from, to: settings.to };
  errorBox.hidden = true;
  errorBox.textContent = '';
  report.setAttribute('aria-busy', 'true');
  status.textContent = 'Loading the reports…';
  const drill = drillDown(run, comparedModels, showError);
  const campaigns = run<CampaignPerformanceData>('CampaignPerformance', variables);
  const parts = [
    run<KpisData>('Kpis', { ...period, model: settings.model, currency: settings.currency }).then(showKpis),
    run<ModelComparisonData>('ModelComparison', { ...variables, models: comparedModels(settings) }).then((data) => showModelComparison(data, settings)),
    run<RevenueByMonthData>('RevenueByMonth', variables).then((data) => showMonths(data, settings)),
    Promise.all([run<FunnelData>('Funnel', period), run<HandoffSlaData>('HandoffSla', period)]).then(([funnel, sla]) => showFunnel(funnel, sla)),
    campaigns.then((data) => showCampaigns(data.attribution.rows, data.attribution.currency)),
    Promise.all([run<ChannelData>('AttributionByChannel', variables), campaigns])
      .then(([channels, data]) => drill.start(channels, data.attribution.rows, settings)),
  ];
  const failures = (await Promise.allSettled(parts)).filter((result) => result.status === 'rejected');
  failures.forEach((failure) => showError(failure.reason));
  report.setAttribute('aria-busy', 'false');
  performance.mark('dashboard-ready');
  status.textContent = failures.length
    ? 'Some reports could not be shown: see the message above.'
    : `${settings.basis === 'REVENUE' ? 'Revenue' : 'Pipeline'} from ${settings.from.slice(0, 10)} to ${settings.to.slice(0, 10)}, ${settings.model}.`;
}

async function start() {
  fillForm();
  const [operations, key] = await Promise.all([loadOperations(), findApiKey()]);
  apiKey = key;
  run = operationRunner(operations, () => apiKey);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    history.replaceState(null, '', `?${new URLSearchParams(new FormData(form) as unknown as Record<string, string>)}`);
    void load();
  });
  keyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId<HTMLInputElement>('key-input');
    apiKey = input.value.trim();
    rememberApiKey(apiKey);
    input.value = '';
    keyForm.hidden = true;
    void load();
  });
  await load();
}

start().catch(showError);
