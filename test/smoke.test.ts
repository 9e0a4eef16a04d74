import { startTestApp, TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.stop(); });

test('an empty database answers the dataset summary', async () => {
  const body = await app.gql('{ datasetSummary { campaigns touches } }');
  expect(body).toEqual({ data: { datasetSummary: { campaigns: 0, touches: 0 } }, extensions: { rateLimit: expect.any(Object) } });
});
