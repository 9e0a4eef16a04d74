import './bench-env';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { createDataSource } from '../src/database/data-source';
import { startHttpServer } from '../src/server';

// One server under load, in a process of its own so that autocannon does not share its event loop.
// `bare`: a bare Apollo Server on Express answering { __typename }, the ceiling of the stack.
// `api`: this service in production mode on DATABASE_URL, rate limit out of the way.

async function bare(): Promise<number> {
  const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: {} });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function api(): Promise<number> {
  const dataSource = createDataSource({ url: process.env.DATABASE_URL!, poolSize: 10 });
  await dataSource.initialize();
  const server = await startHttpServer({
    dataSource, port: 0, host: '127.0.0.1', config: { NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: 1_000_000_000 },
  });
  return server.port;
}

(process.argv[2] === 'bare' ? bare() : api()).then((port) => process.send!({ port }), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
