import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { IngestService } from './ingest/ingest.service';
import { logger } from './logger';

/** Business services, created once per server (they hold no request state). */
export interface Services {
  ingest: IngestService;
}

export function createServices(dataSource: DataSource): Services {
  return { ingest: new IngestService(dataSource) };
}

/** What every resolver receives: per-request state is built here and nowhere else. */
export interface Context {
  requestId: string;
  log: Logger;
  services: Services;
  dataSource: DataSource;
}

export function createContext(dataSource: DataSource, services: Services, requestId = randomUUID()): Context {
  return { requestId, log: logger.child({ requestId }), services, dataSource };
}
