import { GraphQLObjectType } from 'graphql';
import { ApiKeyService } from '../src/auth/api-key.service';
import { grants, Scope } from '../src/auth/scope';
import { appSchema } from '../src/schema';
import { startTestApp, TestApp } from './support/test-app';

// Every root operation with a small valid document, and the scope it needs. A test below checks that
// this table covers the whole schema, so a new operation cannot ship without its row.
const FROM = 'from: "2025-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z"';
const operations: Record<string, { needs: Scope; document: string }> = {
  account: { needs: Scope.READ, document: '{ account(id: "QWNjb3VudDox") { id } }' },
  accountByExternalId: { needs: Scope.READ, document: '{ accountByExternalId(externalId: "A") { id } }' },
  accounts: { needs: Scope.READ, document: '{ accounts(first: 1) { totalCount } }' },
  attribution: { needs: Scope.READ, document: '{ attribution(input: { model: LINEAR }) { deals } }' },
  campaign: { needs: Scope.READ, document: '{ campaign(id: "Q2FtcGFpZ246MQ==") { id } }' },
  campaignByExternalId: { needs: Scope.READ, document: '{ campaignByExternalId(externalId: "C") { id } }' },
  campaigns: { needs: Scope.READ, document: '{ campaigns(first: 1) { totalCount } }' },
  compareModels: { needs: Scope.READ, document: '{ compareModels(input: { models: [LINEAR] }) { models } }' },
  createExportLink: {
    needs: Scope.READ,
    document: 'mutation { createExportLink(input: { report: ATTRIBUTION, input: { model: LINEAR }, format: CSV }) { url } }',
  },
  datasetSummary: { needs: Scope.READ, document: '{ datasetSummary { touches } }' },
  deal: { needs: Scope.READ, document: '{ deal(id: "RGVhbDox") { id } }' },
  dealByExternalId: { needs: Scope.READ, document: '{ dealByExternalId(externalId: "D") { id } }' },
  deals: { needs: Scope.READ, document: '{ deals(first: 1) { totalCount } }' },
  funnel: { needs: Scope.READ, document: `{ funnel(input: { ${FROM} }) { rows { key } } }` },
  handoffSla: { needs: Scope.READ, document: `{ handoffSla(input: { ${FROM} }) { slaHours } }` },
  kpis: { needs: Scope.READ, document: `{ kpis(input: { ${FROM} }) { averageDealSize { amount } } }` },
  lead: { needs: Scope.READ, document: '{ lead(id: "TGVhZDox") { id } }' },
  leadByExternalId: { needs: Scope.READ, document: '{ leadByExternalId(externalId: "L") { id } }' },
  leadQuality: { needs: Scope.READ, document: `{ leadQuality(input: { ${FROM} }) { rows { key } } }` },
  leads: { needs: Scope.READ, document: '{ leads(first: 1) { totalCount } }' },
  leadsByScore: { needs: Scope.READ, document: '{ leadsByScore { id } }' },
  neglectedLeads: { needs: Scope.READ, document: '{ neglectedLeads { hoursOverdue } }' },
  node: { needs: Scope.READ, document: '{ node(id: "RGVhbDox") { id } }' },
  scoringRules: { needs: Scope.READ, document: '{ scoringRules { version } }' },
  touch: { needs: Scope.READ, document: '{ touch(id: "VG91Y2g6MQ==") { id } }' },
  touchByExternalId: { needs: Scope.READ, document: '{ touchByExternalId(externalId: "T") { id } }' },
  touches: { needs: Scope.READ, document: '{ touches(first: 1) { totalCount } }' },
  upsertCampaigns: { needs: Scope.INGEST, document: 'mutation { upsertCampaigns(input: { campaigns: [] }) { created } }' },
  upsertAccounts: { needs: Scope.INGEST, document: 'mutation { upsertAccounts(input: { accounts: [] }) { created } }' },
  upsertLeads: { needs: Scope.INGEST, document: 'mutation { upsertLeads(input: { leads: [] }) { created } }' },
  recordTouches: { needs: Scope.INGEST, document: 'mutation { recordTouches(input: { touches: [] }) { created } }' },
  upsertDeals: { needs: Scope.INGEST, document: 'mutation { upsertDeals(input: { deals: [] }) { created } }' },
  recordCampaignCosts: { needs: Scope.INGEST, document: 'mutation { recordCampaignCosts(input: { costs: [] }) { created } }' },
  recordFxRates: { needs: Scope.INGEST, document: 'mutation { recordFxRates(input: { rates: [] }) { created } }' },
  identifyVisitors: { needs: Scope.INGEST, document: 'mutation { identifyVisitors(input: { links: [] }) { created } }' },
  mergeLeads: { needs: Scope.INGEST, document: 'mutation { mergeLeads(input: { merges: [] }) { created } }' },
  mergeAccounts: { needs: Scope.INGEST, document: 'mutation { mergeAccounts(input: { merges: [] }) { created } }' },
  setScoringRules: {
    needs: Scope.ADMIN,
    document: 'mutation { setScoringRules(input: { threshold: 10, rules: [{ touchType: WEBINAR, points: 5 }] }) { rescoredLeads } }',
  },
};

const rootFields = (type: GraphQLObjectType | null | undefined) => Object.keys(type?.getFields() ?? {});

let app: TestApp;
const keys = {} as Record<Scope, string>;
beforeAll(async () => {
  app = await startTestApp();
  for (const scope of [Scope.READ, Scope.INGEST, Scope.ADMIN]) keys[scope] = await app.createKey(scope);
});
afterAll(async () => { await app.stop(); });

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

test('the matrix covers every query and mutation of the schema', () => {
  const schema = appSchema();
  const fields = [...rootFields(schema.getQueryType()), ...rootFields(schema.getMutationType())];
  expect(Object.keys(operations).sort()).toEqual(fields.sort());
});

describe.each([Scope.READ, Scope.INGEST, Scope.ADMIN])('a key with scope %s', (scope) => {
  test.each(Object.entries(operations))('%s', async (name, { needs, document }) => {
    const body = await app.gql(document, undefined, bearer(keys[scope]));
    if (grants(scope, needs)) {
      expect(body.errors).toBeUndefined();
      expect(body.data).toHaveProperty(name);
    } else {
      // The whole operation is refused before anything runs.
      expect(body.errors).toEqual([expect.objectContaining({
        message: expect.stringContaining(`needs an API key with scope ${needs}`),
        extensions: expect.objectContaining({ code: 'FORBIDDEN', neededScope: needs, keyScope: scope }),
      })]);
      expect(body.data).toBeUndefined();
    }
  });
});

describe('an operation mixing allowed and forbidden fields is refused whole, before anything runs', () => {
  test.each([
    ['a fragment', 'mutation { upsertAccounts(input: { accounts: [{ externalId: "MIX-1", name: "Mixed" }] }) { created } ...rules } '
      + 'fragment rules on Mutation { setScoringRules(input: { threshold: 10, rules: [{ touchType: WEBINAR, points: 5 }] }) { rescoredLeads } }'],
    ['an alias', 'mutation { upsertAccounts(input: { accounts: [{ externalId: "MIX-1", name: "Mixed" }] }) { created } '
      + 'r: setScoringRules(input: { threshold: 10, rules: [{ touchType: WEBINAR, points: 5 }] }) { rescoredLeads } }'],
  ])('through %s', async (_case, document) => {
    const response = await fetch(app.url, {
      method: 'POST', headers: { 'content-type': 'application/json', ...bearer(keys[Scope.INGEST]) }, body: JSON.stringify({ query: document }),
    });
    expect(response.status).toBe(403);
    const body = await response.json() as { data?: unknown; errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([{
      message: expect.stringMatching(/^Mutation.setScoringRules needs an API key with scope admin; key \S+ has scope ingest. Nothing in this operation was run.$/),
      extensions: { code: 'FORBIDDEN', neededScope: 'admin', keyScope: 'ingest', fields: ['Mutation.setScoringRules'] },
    }]);
    const accounts = await app.gql('{ accountByExternalId(externalId: "MIX-1") { id } }');
    expect(accounts.data).toEqual({ accountByExternalId: null });
  });
});

describe('without a valid key every operation is refused with 401 UNAUTHENTICATED', () => {
  const post = (document: string, headers: Record<string, string>) => fetch(app.url, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: document }),
  });

  test.each([
    ['no Authorization header', {}, /No API key/],
    ['another scheme', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, /Malformed Authorization header/],
    ['a made-up key', { authorization: 'Bearer ak_000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, /Unknown or revoked API key/],
    ['garbage', { authorization: 'Bearer ; DROP TABLE api_keys' }, /Malformed Authorization header/],
  ])('%s', async (_case, headers, message) => {
    for (const { document } of Object.values(operations)) {
      const response = await post(document, headers);
      expect(response.status).toBe(401);
      const body = await response.json() as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(message), extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
    }
  });

  test('a right id with a wrong secret is refused like an unknown key', async () => {
    const id = keys[Scope.ADMIN].split('.')[0];
    const response = await post('{ datasetSummary { touches } }', bearer(`${id}.${'B'.repeat(43)}`));
    expect(response.status).toBe(401);
  });

  test('a revoked key is refused, and the others still work', async () => {
    const service = new ApiKeyService(app.dataSource);
    const { id, key } = await service.create('to revoke', Scope.ADMIN);
    expect(await service.revoke(id)).toBe(true);
    expect(await service.revoke(id)).toBe(false);
    const refused = await post('{ datasetSummary { touches } }', bearer(key));
    expect(refused.status).toBe(401);
    expect((await app.gql('{ datasetSummary { touches } }', undefined, bearer(keys[Scope.READ]))).errors).toBeUndefined();
  });
});

describe('keys at rest', () => {
  test('only a hash of the secret is stored, and listing shows ids, never secrets', async () => {
    const service = new ApiKeyService(app.dataSource);
    const created = await service.create('Looker sync', Scope.READ);
    expect(created.key).toMatch(/^ak_[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(`${created.id}.`)).toBe(true);
    const [stored] = await app.dataSource.query('SELECT * FROM api_keys WHERE id = $1', [created.id]);
    expect(JSON.stringify(stored)).not.toContain(created.key.split('.')[1]);
    expect(stored.secret_sha256).toHaveLength(32);
    const listed = await service.list();
    expect(listed).toContainEqual({ id: created.id, name: 'Looker sync', scope: 'read', createdAt: expect.any(Date), revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.key.split('.')[1]);
  });

  test('a revocation through the serving process takes effect at once', async () => {
    const service = new ApiKeyService(app.dataSource);
    const { id, key } = await service.create('cached', Scope.READ);
    await expect(service.authenticate(`Bearer ${key}`)).resolves.toEqual({ id, name: 'cached', scope: 'read' });
    await service.revoke(id);
    await expect(service.authenticate(`Bearer ${key}`)).rejects.toThrow('Unknown or revoked API key');
  });
});
