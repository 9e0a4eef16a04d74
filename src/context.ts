import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { IngestService } from './ingest/ingest.service';
import { createLoaders, Loaders } from './loaders';
import { DealJourneyLoaders, dealJourneyLoaders } from './loaders/deal-journey.loader';
import { logger } from './logger';
import { AttributionReportService } from './reports/attribution-report.service';
import { DealJourneyService } from './reports/deal-journey.service';
import { FunnelService } from './sales/funnel.service';
import { HandoffSlaService } from './sales/handoff-sla.service';
import { KpisService } from './sales/kpis.service';
import { LeadQualityService } from './sales/lead-quality.service';
import { LeadScoreLoaders, leadScoreLoaders } from './sales/lead-score-loaders';
import { LeadScoringService } from './sales/lead-scoring.service';

/** Business services, created once per server (they hold no request state). */
export interface Services {
  ingest: IngestService;
  attribution: AttributionReportService;
  journeys: DealJourneyService;
  scoring: LeadScoringService;
  funnel: FunnelService;
  handoffSla: HandoffSlaService;
  leadQuality: LeadQualityService;
  kpis: KpisService;
}

export function createServices(dataSource: DataSource): Services {
  const attribution = new AttributionReportService(dataSource);
  const scoring = new LeadScoringService(dataSource);
  return {
    ingest: new IngestService(dataSource),
    attribution,
    journeys: new DealJourneyService(dataSource),
    scoring,
    funnel: new FunnelService(dataSource, scoring),
    handoffSla: new HandoffSlaService(dataSource, scoring),
    leadQuality: new LeadQualityService(dataSource, scoring),
    kpis: new KpisService(dataSource, scoring, attribution),
  };
}

/** What every resolver receives: per-request state is built here and nowhere else. */
export interface Context {
  requestId: string;
  log: Logger;
  services: Services;
  dataSource: DataSource;
  /** This request's DataLoaders: every relation of the read API is batched through them. */
  loaders: Loaders & { dealJourneys: DealJourneyLoaders; leadScores: LeadScoreLoaders };
}

export function createContext(dataSource: DataSource, services: Services, requestId = randomUUID()): Context {
  const loaders = {
    ...createLoaders(dataSource), dealJourneys: dealJourneyLoaders(services.journeys), leadScores: leadScoreLoaders(services.scoring),
  };
  return { requestId, log: logger.child({ requestId }), services, dataSource, loaders };
}
