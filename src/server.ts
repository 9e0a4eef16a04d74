import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { operationScopePlugin } from './auth/operation-scope.plugin';
import { Config, config } from './config';
import { Context, createContext, createServices } from './context';
import { loadTimeZoneNames } from './database/time-zones';
import { formatError, rethrowAsUnavailable } from './errors';
import { exportRoutes } from './export/export.routes';
import { abuseLimits, authenticatedKey, RATE_LIMIT_HEADERS } from './limits';
import { createOperations, REQUEST_ID_HEADER, requestIdOf } from './operations';
import { cachedReportsPlugin } from './reports/cache/cached-reports.plugin';
import { ReportCache } from './reports/cache/report-cache';
import { appSchema } from './schema';
import { webRoutes } from './web/web.routes';
import { schemaSdlRoute } from './schema-sdl.route';

export interface HttpServerOptions {
  dataSource: DataSource;
  port: number;
  host: string;
  /** Overrides of the process's configuration, for tests and benchmarks. */
  config?: Partial<Config>;
  /** The local admin key on a developer's machine: the workbench and dashboard get it over loopback only. */
  localAdminKey?: string;
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
  const contextSettings = { reportingCurrency: settings.REPORTING_CURRENCY, reportStatementTimeoutMs: settings.REPORT_STATEMENT_TIMEOUT_MS };
  const services = createServices(dataSource, contextSettings);
  const reportCache = new ReportCache();
  const operations = createOperations(dataSource, reportCache, settings.SHUTDOWN_DELAY_MS);
  const limits = abuseLimits(settings, services.apiKeys);
  await loadTimeZoneNames(dataSource);
  const apollo = new ApolloServer<Context>({
    schema: appSchema(),
    formatError,
    parseOptions: limits.parseOptions,
    introspection: settings.GRAPHQL_INTROSPECTION ?? !production,
    includeStacktraceInErrorResponses: false,
    // `attribution serve` shuts down in its own order on SIGINT/SIGTERM; Apollo's own handler would
    // re-raise the signal in the middle of it.
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: production,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      operations.plugin,
      ...limits.plugins,
      operationScopePlugin(),
      cachedReportsPlugin(dataSource, reportCache),
      // The workbench is served from this service's own files (src/web), not Apollo's CDN page.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.use(operations.routes);
  app.use(webRoutes({ workbench: sandbox, localAdminKey: options.localAdminKey }));
  app.use(
    '/graphql',
    operations.trackRequests,
    // Any origin may call the API with a key it holds (keys travel in a header, never a cookie);
    // browser clients may read the rate-limit budget and the request id too.
    cors({ exposedHeaders: [...RATE_LIMIT_HEADERS, REQUEST_ID_HEADER] }),
    ...limits.requestGuards,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => createContext(
        services, contextSettings,
        authenticatedKey(res) ?? await services.apiKeys.authenticate(req.headers.authorization).catch(rethrowAsUnavailable),
        requestIdOf(res),
        settings.PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`,
      ),
    }),
  );
  app.use(exportRoutes({ apollo, dataSource, services, settings: contextSettings, trackRequests: operations.trackRequests }));
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
