import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { ApiKeyService } from '../src/auth/api-key.service';
import { Scope } from '../src/auth/scope';
import { refreshTouchCredits } from '../src/reports/stored-credits/touch-credit-refresh';

const LINKS = 10_000;
const BATCH = 5_000;

export interface IdentificationCost {
  links: number;
  ingestSeconds: number;
  refreshSeconds: number;
  deals: number;
}

const MUTATION = `mutation($input: IdentifyVisitorsInput!) { identifyVisitors(input: $input) { created userErrors { message } } }`;

/**
 * What a wave of identifications costs on the demo data: 10,000 visitors never identified are
 * linked to leads through identifyVisitors (two batches over HTTP), then the refresh restates the
 * credits and journeys of every deal and lead they reach.
 */
export async function identificationCost(dataSource: DataSource, url: string, currency: string): Promise<IdentificationCost> {
  const { key } = await new ApiKeyService(dataSource).create('bench:identification', Scope.INGEST);
  const links: Array<{ visitorId: string; leadExternalId: string; identifiedAt: string }> = await dataSource.query(`
    WITH visitor AS (SELECT visitor_id, row_number() OVER (ORDER BY visitor_id) AS n FROM visitor_journey_keys ORDER BY visitor_id LIMIT $1),
    lead AS (SELECT external_id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS leads FROM leads WHERE deleted_at IS NULL)
    SELECT v.visitor_id AS "visitorId", l.external_id AS "leadExternalId", '2026-06-30T00:00:00Z' AS "identifiedAt"
    FROM visitor v JOIN lead l ON l.n = (v.n * 7919) % l.leads + 1`, [LINKS]);
  const ingesting = performance.now();
  for (let start = 0; start < links.length; start += BATCH) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: MUTATION, variables: { input: { links: links.slice(start, start + BATCH) } } }),
    });
    const body = await response.json() as { errors?: unknown; data?: { identifyVisitors: { userErrors: unknown[] } } };
    if (body.errors || body.data?.identifyVisitors.userErrors.length) throw new Error(JSON.stringify(body));
  }
  const ingestSeconds = (performance.now() - ingesting) / 1000;
  const refreshing = performance.now();
  const deals = await refreshTouchCredits(dataSource, currency);
  return { links: links.length, ingestSeconds, refreshSeconds: (performance.now() - refreshing) / 1000, deals };
}
