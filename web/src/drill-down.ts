import { AttributionRow, CampaignDealsData, ChannelData, DealCreditData, Settings } from './reports.js';
import { actionButton, amount, decimal, fillTable, money } from './format.js';

// Channel -> its campaigns -> the deals they touched -> one deal's journey with each touch's credit
// under each model. Each step is a table of buttons; the path above it leads back.

type Run = <T>(name: string, variables: Record<string, unknown>) => Promise<T>;

interface Step {
  label: string;
  show: () => Promise<void> | void;
}

export interface DrillDown {
  start(channels: ChannelData, campaigns: AttributionRow[], settings: Settings): void;
}

export function drillDown(run: Run, models: (settings: Settings) => string[], onError: (error: unknown) => void): DrillDown {
  const path = document.getElementById('drill-path')!;
  const area = document.getElementById('drill')!;
  area.tabIndex = -1;
  let steps: Step[] = [];

  function table(): HTMLTableElement {
    const element = document.createElement('table');
    area.replaceChildren(element);
    return element;
  }

  async function go(depth: number, step: Step) {
    steps = [...steps.slice(0, depth), step];
    path.replaceChildren(...steps.map((entry, index) => (index === steps.length - 1
      ? Object.assign(document.createElement('span'), { textContent: entry.label, ariaCurrent: 'step' })
      : actionButton(entry.label, () => void go(index, entry)))));
    try {
      await step.show();
      if (depth > 0) area.focus();
    } catch (error) {
      onError(error);
    }
  }

  function start(channels: ChannelData, campaigns: AttributionRow[], settings: Settings) {
    const currency = channels.attribution.currency;
    const dealStep = (id: string, name: string): Step => ({
      label: name,
      show: async () => {
        const { deal } = await run<DealCreditData>('DealCredit', { id, models: models(settings), basis: settings.basis, currency: settings.currency });
        const journey = deal?.journey;
        if (!journey) {
          area.textContent = `${name} has no journey on the ${settings.basis.toLowerCase()} basis (a deal counts as revenue once won).`;
          return;
        }
        fillTable(table(), `${deal.name} (${deal.status}): ${money(journey.amount)}, each touch's credit per model`,
          [{ label: '#' }, { label: 'When' }, { label: 'Channel' }, { label: 'Campaign' }, { label: 'Milestones' },
            ...journey.models.map((model) => ({ label: model, numeric: true }))],
          journey.steps.map((step) => [String(step.position), step.occurredAt.slice(0, 10), step.channel, step.campaign?.name ?? '—',
            step.milestones.join(', ') || '—',
            ...journey.models.map((model) => amount(step.credits.find((credit) => credit.model === model)?.amount.amount))]));
      },
    });
    const campaignStep = (id: string, name: string): Step => ({
      label: name,
      show: async () => {
        const { campaign } = await run<CampaignDealsData>('CampaignDeals', { id });
        const deals = new Map(campaign!.touches.nodes.flatMap((touch) => touch.lead.deals.nodes).map((deal) => [deal.id, deal]));
        fillTable(table(), `Deals whose contacts ${name} touched (its latest ${Math.min(100, campaign!.touches.totalCount)} of ${campaign!.touches.totalCount} touches)`,
          [{ label: 'Deal' }, { label: 'Status' }, { label: 'Closed' }, { label: 'Amount', numeric: true }],
          [...deals.values()].map((deal) => [actionButton(deal.name, () => void go(3, dealStep(deal.id, deal.name))),
            deal.status, deal.closedAt?.slice(0, 10) ?? '—', money(deal.amount)]));
      },
    });
    const channelStep = (channel: string, label: string): Step => ({
      label,
      show: () => fillTable(table(), `Campaigns of ${label}, ${settings.model} (${currency})`,
        [{ label: 'Campaign' }, { label: 'Credited', numeric: true }, { label: 'Deals', numeric: true }, { label: 'Cost', numeric: true }, { label: 'ROAS', numeric: true }],
        campaigns.filter((row) => row.keys[0] === channel).map((row) => [
          row.campaign ? actionButton(row.campaign.name, () => void go(2, campaignStep(row.campaign!.id, row.campaign!.name))) : row.labels[1],
          amount(row.revenue.amount), decimal(row.deals), amount(row.cost?.amount), decimal(row.roas)])),
    });
    void go(0, {
      label: 'Channels',
      show: () => fillTable(table(), `Channels, ${settings.model} (${currency}); unattributed: ${amount(channels.attribution.unattributed.amount)}`,
        [{ label: 'Channel' }, { label: 'Credited', numeric: true }, { label: 'Deals', numeric: true }, { label: 'Cost', numeric: true }, { label: 'ROAS', numeric: true }],
        channels.attribution.rows.map((row) => [actionButton(row.label, () => void go(1, channelStep(row.key, row.label))),
          amount(row.revenue.amount), decimal(row.deals), amount(row.cost?.amount), decimal(row.roas)])),
    });
  }

  return { start };
}
