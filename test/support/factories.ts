import { account, campaign, deal, ingest, IngestList, lead, touch } from './ingest';
import { TestApp } from './test-app';

// Test data goes in through the public ingestion mutations, so reads are tested against exactly
// what ingestion stores. Each helper fails the test on any refused item.

export type ItemList = IngestList;

export async function seed(app: TestApp, list: ItemList, items: object[]): Promise<void> {
  const { userErrors } = await ingest(app, list, items);
  if (userErrors.length) throw new Error(`${list} refused: ${JSON.stringify(userErrors)}`);
}

export const accountItem = account;
export const campaignItem = campaign;
export const dealItem = deal;
export const leadItem = lead;
export const touchItem = touch;

export const costItem = (campaignExternalId: string, date: string, amount: string, currency = 'USD') =>
  ({ campaignExternalId, date, amount, currency });

/** A timestamp `minutes` after a fixed base, so that generated records have distinct, ordered times. */
export const at = (minutes: number, base = '2025-01-01T00:00:00Z') => new Date(Date.parse(base) + minutes * 60_000).toISOString();

export interface PipelineShape {
  deals: number;
  contactsPerDeal: number;
  touchesPerLead: number;
  campaigns: number;
  prefix: string;
}

/**
 * A pipeline of `deals` deals on their own accounts, each with its own contacts, each contact with
 * touches spread over the campaigns. Every externalId starts with `prefix`.
 */
export async function seedPipeline(app: TestApp, shape: PipelineShape): Promise<void> {
  const { prefix } = shape;
  const campaigns = Array.from({ length: shape.campaigns }, (_, c) => campaignItem(`${prefix}-C${c}`, {
    channel: ['paid_search', 'email', 'webinar'][c % 3],
  }));
  const deals = Array.from({ length: shape.deals }, (_, d) => d);
  const leads = deals.flatMap((d) => Array.from({ length: shape.contactsPerDeal }, (_, l) => leadItem(`${prefix}-L${d}-${l}`, {
    accountExternalId: `${prefix}-A${d}`, email: `${prefix}-l${d}-${l}@example.com`.toLowerCase(), name: `Lead ${d}-${l}`,
    createdAt: at(d * 10 + l),
  })));
  await seed(app, 'campaigns', campaigns);
  await seed(app, 'accounts', deals.map((d) => accountItem(`${prefix}-A${d}`)));
  await seed(app, 'leads', leads);
  await seed(app, 'touches', leads.flatMap((lead, l) => Array.from({ length: shape.touchesPerLead }, (_, t) =>
    touchItem(`${lead.externalId}-T${t}`, lead.externalId, {
      campaignExternalId: campaigns[(l + t) % campaigns.length].externalId,
      channel: undefined,
      occurredAt: at(l * 10 + t, '2025-01-02T00:00:00Z'),
    }))));
  await seed(app, 'deals', deals.map((d) => dealItem(`${prefix}-D${d}`, {
    accountExternalId: `${prefix}-A${d}`,
    amount: `${1000 + d}.50`,
    createdAt: at(d, '2025-02-01T00:00:00Z'),
    contacts: Array.from({ length: shape.contactsPerDeal }, (_, l) => ({ leadExternalId: `${prefix}-L${d}-${l}`, primary: l === 0 })),
  })));
}
