import { TestApp } from './test-app';

const PAYLOAD = '{ created updated unchanged userErrors { path message code } }';

const MUTATIONS = {
  campaigns: ['upsertCampaigns', 'UpsertCampaignsInput'],
  accounts: ['upsertAccounts', 'UpsertAccountsInput'],
  leads: ['upsertLeads', 'UpsertLeadsInput'],
  touches: ['recordTouches', 'RecordTouchesInput'],
  deals: ['upsertDeals', 'UpsertDealsInput'],
  costs: ['recordCampaignCosts', 'RecordCampaignCostsInput'],
  rates: ['recordFxRates', 'RecordFxRatesInput'],
  links: ['identifyVisitors', 'IdentifyVisitorsInput'],
  leadMerges: ['mergeLeads', 'MergeLeadsInput', 'merges'],
  accountMerges: ['mergeAccounts', 'MergeAccountsInput', 'merges'],
} as const;

export type IngestList = keyof typeof MUTATIONS;

export interface Payload {
  created: number;
  updated: number;
  unchanged: number;
  userErrors: Array<{ path: string[]; message: string; code: string }>;
}

/** Sends one ingestion mutation over HTTP; fails the test on a GraphQL-level error. */
export async function ingest(app: TestApp, list: IngestList, items: object[], idempotencyKey?: string): Promise<Payload> {
  const [mutation, inputType, listField = list] = MUTATIONS[list] as readonly [string, string, string?];
  const body = await app.gql(`mutation($input: ${inputType}!) { ${mutation}(input: $input) ${PAYLOAD} }`, {
    input: { [listField]: items, ...(idempotencyKey ? { idempotencyKey } : {}) },
  });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data![mutation];
}

export const campaign = (externalId: string, overrides: object = {}) =>
  ({ externalId, name: `Campaign ${externalId}`, channel: 'paid_search', ...overrides });
export const account = (externalId: string, overrides: object = {}) =>
  ({ externalId, name: `Account ${externalId}`, ...overrides });
export const lead = (externalId: string, overrides: object = {}) =>
  ({ externalId, createdAt: '2025-01-10T09:00:00Z', ...overrides });
export const touch = (externalId: string, leadExternalId: string, overrides: object = {}) =>
  ({ externalId, leadExternalId, type: 'AD_CLICK', occurredAt: '2025-01-05T10:00:00Z', channel: 'paid_search', ...overrides });
export const deal = (externalId: string, overrides: object = {}) => ({
  externalId, name: `Deal ${externalId}`, amount: '1000.00', currency: 'USD', status: 'OPEN',
  createdAt: '2025-02-01T00:00:00Z', ...overrides,
});
