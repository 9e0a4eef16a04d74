import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ApiKeyIdentity } from './auth/scope';
import { DataSource } from 'typeorm';
import { ApiKeyService } from './auth/api-key.service';
import { CatalogService } from './catalog/catalog.service';
import { ExportLinks } from './export/export-links';
import { IngestService } from './ingest/ingest.service';
import { Loaders } from './loaders';
import { DealJourneyLoaders, dealJourneyLoaders } from './loaders/deal-journey.loader';
import { TouchCreditsLoader, touchCreditsLoader } from './loaders/touch-credits.loader';
import { logger } from './logger';
import { AttributionReportService } from './reports/attribution-report.service';
import { DealJourneyService } from './reports/deal-journey.service';
import { TouchCreditService } from './reports/stored-credits/touch-credit.service';
import { FunnelService } from './sales/funnel.service';
import { HandoffSlaService } from './sales/handoff-sla.service';
import { KpisService } from './sales/kpis.service';
import { LeadQualityService } from './sales/lead-quality.service';
import { LeadScoreLoaders, leadScoreLoaders } from './sales/lead-score-loaders';
import { LeadScoringService } from './sales/lead-scoring.service';

/** The server's own settings that resolvers apply (from its configuration, not the process's). */
export interface Settings {
  /** REPORTING_CURRENCY: the default report currency, and what FX rates convert into. */
  reportingCurrency: string;
  /** REPORT_STATEMENT_TIMEOUT_MS: the longest a report statement, or a MARKOV solve, may run. */
  reportStatementTimeoutMs: number;
}

/** Business services, created once per server (they hold no request state). */
export interface Services {
  apiKeys: ApiKeyService;
  catalog: CatalogService;
  ingest: IngestService;
  attribution: AttributionReportService;
  journeys: DealJourneyService;
  touchCredits: TouchCreditService;
  scoring: LeadScoringService;
  funnel: FunnelService;
  handoffSla: HandoffSlaService;
  leadQuality: LeadQualityService;
  kpis: KpisService;
  exportLinks: ExportLinks;
}

export function createServices(dataSource: DataSource, { reportStatementTimeoutMs }: Settings): Services {
  const attribution = new AttributionReportService(dataSource, reportStatementTimeoutMs);
  const scoring = new LeadScoringService(dataSource);
  const apiKeys = new ApiKeyService(dataSource);
  return {
    apiKeys,
    catalog: new CatalogService(dataSource),
    ingest: new IngestService(dataSource),
    attribution,
    journeys: new DealJourneyService(dataSource, reportStatementTimeoutMs),
    touchCredits: new TouchCreditService(dataSource),
    scoring,
    funnel: new FunnelService(dataSource, reportStatementTimeoutMs, scoring),
    handoffSla: new HandoffSlaService(dataSource, reportStatementTimeoutMs, scoring),
    leadQuality: new LeadQualityService(dataSource, reportStatementTimeoutMs, scoring),
    kpis: new KpisService(dataSource, reportStatementTimeoutMs, scoring, attribution),
    exportLinks: new ExportLinks(dataSource, apiKeys),
  };
}

/** What every resolver receives: per-request state is built here and nowhere else. */
export interface Context {
  requestId: string;
  /** The API key the request was authenticated with (every GraphQL request has one). */
  apiKey: ApiKeyIdentity;
  log: Logger;
  services: Services;
  settings: Settings;
  /** This request's DataLoaders: every relation of the read API is batched through them. */
  loaders: Loaders & { dealJourneys: DealJourneyLoaders; leadScores: LeadScoreLoaders; touchCredits: TouchCreditsLoader };
  /** Where clients reach this server (scheme, host, port): the base of the URLs it hands out. */
  origin?: string;
}

export function createContext(
  services: Services, settings: Settings, apiKey: ApiKeyIdentity, requestId: string = randomUUID(), origin?: string,
): Context {
  const loaders = {
    ...services.catalog.loaders(), dealJourneys: dealJourneyLoaders(services.journeys), leadScores: leadScoreLoaders(services.scoring),
    touchCredits: touchCreditsLoader(services.touchCredits, settings.reportingCurrency),
  };
  return { requestId, apiKey, log: logger.child({ requestId, keyId: apiKey.id }), services, settings, loaders, origin };
}
