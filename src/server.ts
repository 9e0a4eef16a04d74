import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { Context, createContext, createServices } from './context';
import { formatError } from './errors';
import { appSchema } from './schema';

export interface HttpServerOptions {
  dataSource: DataSource;
  port: number;
  host: string;
  production: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

// Ingestion batches of 5,000 items fit well within this; bigger bodies are refused with 413.
const BODY_LIMIT = '20mb';

export async function startHttpServer({ dataSource, port, host, production }: HttpServerOptions): Promise<RunningServer> {
  const app = express();
  const httpServer: Server = createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: appSchema(),
    formatError,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ footer: false, embed: true }),
    ],
  });
  await apollo.start();
  const services = createServices(dataSource);

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    cors(),
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, { context: async () => createContext(dataSource, services) }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const actualPort = (httpServer.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${actualPort}/graphql`,
    port: actualPort,
    stop: () => apollo.stop(),
  };
}
