import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { Config, config } from './config';
import { Context, createContext, createServices } from './context';
import { formatError, rethrowAsUnavailable } from './errors';
import { exportRoutes } from './export/export.routes';
import { abuseLimits, RATE_LIMIT_HEADERS } from './limits';
import { createOperations, REQUEST_ID_HEADER, requestIdOf } from './operations';
import { cachedReportsPlugin } from './reports/cached-reports.plugin';
import { ReportCache } from './reports/report-cache';
import { appSchema } from './schema';
import { schemaSdlRoute } from './schema-sdl.route';

export interface HttpServerOptions {
  dataSource: DataSource;
  port: number;
  host: string;
  /** Overrides of the process's configuration, for tests and benchmarks. */
  config?: Partial<Config>;
  /** Headers the sandbox sends with every operation: the local admin key on a developer's machine. */
  sandboxHeaders?: Record<string, string>;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const { dataSource, port, host } = options;
  const settings = { ...config(), ...options.config };
  const production = settings.NODE_ENV === 'production';
  const sandbox = settings.GRAPHQL_SANDBOX ?? !production;
  const app = express();
  const httpServer: Server = createServer(app);
  const services = createServices(dataSource, { reportStatementTimeoutMs: settings.REPORT_STATEMENT_TIMEOUT_MS });
  const reportCache = new ReportCache();
  const operations = createOperations(dataSource, reportCache, settings.SHUTDOWN_DELAY_MS);
  const limits = abuseLimits(settings);
  const apollo = new ApolloServer<Context>({
    schema: appSchema(),
    formatError,
    parseOptions: limits.parseOptions,
    introspection: settings.GRAPHQL_INTROSPECTION ?? !production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      operations.plugin,
      ...limits.plugins,
      cachedReportsPlugin(dataSource, reportCache),
      sandbox
        ? ApolloServerPluginLandingPageLocalDefault({
          footer: false, embed: { initialState: { sharedHeaders: options.sandboxHeaders ?? {} } },
        })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.use(operations.routes);
  app.use(
    '/graphql',
    operations.trackRequests,
    // Browser clients may read the rate-limit budget and the request id too.
    cors({ exposedHeaders: [...RATE_LIMIT_HEADERS, REQUEST_ID_HEADER] }),
    ...limits.jsonBody,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => createContext(
        dataSource, services, await services.apiKeys.authenticate(req.headers.authorization).catch(rethrowAsUnavailable), requestIdOf(res),
        settings.PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`,
      ),
    }),
  );
  app.use(exportRoutes({ apollo, dataSource, services, trackRequests: operations.trackRequests }));
  app.get('/schema.graphql', operations.trackRequests, schemaSdlRoute(services.apiKeys));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const actualPort = (httpServer.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${actualPort}/graphql`,
    port: actualPort,
    stop: async () => {
      await operations.drain();
      await apollo.stop();
    },
  };
}
