import { auditServer } from 'graphql-http';
import { startTestApp, TestApp } from './support/test-app';

// graphql-http's audit of the GraphQL over HTTP spec, against the live server. No MUST may fail;
// the recommendations it does not follow are listed, with the reasons, in docs/http-compliance.md,
// and pinned here so that a change in either direction is noticed.
const ACCEPTED = [
  { id: '5A70', status: 'notice', name: 'MAY accept application/x-www-form-urlencoded formatted GET requests' },
  { id: 'D6D5', status: 'notice', name: 'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json' },
  { id: '6A70', status: 'notice', name: 'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json' },
  { id: '572B', status: 'warn', name: 'SHOULD use 200 status code on document parsing failure when accepting application/json' },
  { id: 'FDE2', status: 'warn', name: 'SHOULD use 200 status code on document validation failure when accepting application/json' },
  { id: '7B9B', status: 'warn', name: 'SHOULD use a status code of 200 on variable coercion failure when accepting application/json' },
];

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.stop(); });

/** fetch with the API key, which every GraphQL request needs. */
function withApiKey(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${app.adminKey}`);
  return fetch(input, { ...init, headers });
}

test('the server passes every required audit, and departs only from the documented recommendations', async () => {
  const results = await auditServer({ url: app.url, fetchFn: withApiKey });
  const departures = results.flatMap((result) => (result.status === 'ok' ? [] : [{ id: result.id, status: result.status, name: result.name }]));
  expect(departures.filter((departure) => departure.status === 'error')).toEqual([]);
  expect(departures).toEqual(ACCEPTED);
});
