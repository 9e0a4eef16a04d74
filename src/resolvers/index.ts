import './enums';
import './attribution/attribution-enums';
import './sales/sales-enums';
import { AccountFieldsResolver } from './account/account-fields.resolver';
import { AccountJourneyCreditResolver, AccountJourneyResolver, AccountJourneyStepResolver } from './account/account-journey.resolver';
import { AccountResolver } from './account/account.resolver';
import { AttributionResolver, AttributionRowResolver, ModelComparisonRowResolver } from './attribution/attribution.resolver';
import { AttributionReportResolver, MarkovDetailsResolver } from './attribution/data-driven.resolver';
import { DealJourneyResolver, JourneyStepResolver } from './attribution/deal-journey.resolver';
import { CampaignFieldsResolver } from './campaign/campaign-fields.resolver';
import { CampaignResolver } from './campaign/campaign.resolver';
import { DatasetResolver } from './dataset.resolver';
import { DealFieldsResolver } from './deal/deal-fields.resolver';
import { DealResolver } from './deal/deal.resolver';
import { ExportLinkResolver } from './export/export-link.resolver';
import { IngestResolver } from './ingest/ingest.resolver';
import { LeadFieldsResolver } from './lead/lead-fields.resolver';
import { LeadResolver } from './lead/lead.resolver';
import { NodeResolver } from './node/node.resolver';
import { LeadScoreFieldsResolver } from './sales/lead-score-fields.resolver';
import { SalesReportsResolver } from './sales/sales-reports.resolver';
import { ScoringResolver } from './sales/scoring.resolver';
import { TouchFieldsResolver } from './touch/touch-fields.resolver';
import { TouchResolver } from './touch/touch.resolver';

// The whole schema: every resolver here, and every enum registered by the three imports above
// (records, attribution, sales). Root resolvers sit beside the field resolvers of their type.
export const resolvers = [
  DatasetResolver, IngestResolver, NodeResolver,
  CampaignResolver, CampaignFieldsResolver,
  AccountResolver, AccountFieldsResolver, AccountJourneyResolver, AccountJourneyStepResolver, AccountJourneyCreditResolver,
  LeadResolver, LeadFieldsResolver,
  TouchResolver, TouchFieldsResolver,
  DealResolver, DealFieldsResolver,
  AttributionResolver, AttributionRowResolver, ModelComparisonRowResolver, AttributionReportResolver, MarkovDetailsResolver,
  DealJourneyResolver, JourneyStepResolver,
  SalesReportsResolver, ScoringResolver, LeadScoreFieldsResolver,
  ExportLinkResolver,
] as const;
