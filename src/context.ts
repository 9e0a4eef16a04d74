import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { IngestService } from './ingest/ingest.service';
import { createLoaders, Loaders } from './loaders';
import { DealJourneyLoaders, dealJourneyLoaders } from './loaders/deal-journey.loader';
import { logger } from './logger';
import { AttributionReportService } from './reports/attribution-report.service';
import { DealJourneyService } from './reports/deal-journey.service';

/** Business services, created once per server (they hold no request state). */
export interface Services {
  ingest: IngestService;
  attribution: AttributionReportService;
  journeys: DealJourneyService;
}

export function createServices(dataSource: DataSource): Services {
  return {
    ingest: new IngestService(dataSource),
    attribution: new AttributionReportService(dataSource),
    journeys: new DealJourneyService(dataSource),
  };
}

/** What every resolver receives: per-request state is built here and nowhere else. */
export interface Context {
  requestId: string;
  log: Logger;
  services: Services;
  dataSource: DataSource;
  /** This request's DataLoaders: every relation of the read API is batched through them. */
  loaders: Loaders & { dealJourneys: DealJourneyLoaders };
}

export function createContext(dataSource: DataSource, services: Services, requestId = randomUUID()): Context {
  const loaders = { ...createLoaders(dataSource), dealJourneys: dealJourneyLoaders(services.journeys) };
  return { requestId, log: logger.child({ requestId }), services, dataSource, loaders };
}
