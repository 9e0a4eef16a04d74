import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler, Router } from 'express';
import { setTimeout as delay } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import type { Context } from '../context';
import { recordGraphqlOutcome } from './graphql-outcome.plugin';
import { createMetricsRegistry } from './metrics-registry';
import { operationsRoutes } from './operations.routes';
import { Readiness } from './readiness';
import { ReportCacheCounts } from './report-cache-metrics';
import { requestMetrics } from './request-metrics';
import { trackRequests } from './request-tracking.middleware';

export { REQUEST_ID_HEADER, requestIdOf } from './request-tracking.middleware';

/** What a server needs to be run in production: probes, metrics, request logs, a graceful drain. */
export interface Operations {
  /** GET /health, /ready and /metrics. */
  routes: Router;
  /** The first handler of /graphql: request id, log line, metrics. */
  trackRequests: RequestHandler;
  /** Tells `trackRequests` what only Apollo knows about a request. */
  plugin: ApolloServerPlugin<Context>;
  /** Reports not ready, then waits for load balancers to notice before the server stops accepting connections. */
  drain(): Promise<void>;
}

export function createOperations(dataSource: DataSource, reportCache: ReportCacheCounts, shutdownDelayMs: number): Operations {
  const registry = createMetricsRegistry(dataSource, reportCache);
  const readiness = new Readiness(dataSource);
  return {
    routes: operationsRoutes(readiness, registry),
    trackRequests: trackRequests(requestMetrics(registry)),
    plugin: recordGraphqlOutcome(),
    drain: async () => {
      readiness.startDraining();
      await delay(shutdownDelayMs);
    },
  };
}
