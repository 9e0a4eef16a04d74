import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Scope } from '../src/auth/scope';
import { startTestApp, TestApp } from './support/test-app';

// Code generators need the schema; where introspection is off (production), any API key may fetch
// it as SDL, the same text as the committed schema.graphql.
let app: TestApp;
beforeAll(async () => { app = await startTestApp({ GRAPHQL_INTROSPECTION: false }); });
afterAll(async () => { await app.stop(); });

const schemaUrl = () => new URL('/schema.graphql', app.url).toString();

test('GET /schema.graphql with a read key returns the SDL, with introspection off', async () => {
  const introspection = await app.gql('{ __schema { queryType { name } } }');
  expect(introspection.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  const response = await fetch(schemaUrl(), { headers: { authorization: `Bearer ${await app.createKey(Scope.READ)}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/graphql/);
  expect(await response.text()).toBe(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
});

test('without a valid key it is 401 UNAUTHENTICATED', async () => {
  for (const headers of [{}, { authorization: 'Bearer nope' }] as Array<Record<string, string>>) {
    const response = await fetch(schemaUrl(), { headers });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  }
});
