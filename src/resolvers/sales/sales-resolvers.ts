import './sales-enums';
import { LeadScoreFieldsResolver } from './lead-score-fields.resolver';
import { SalesReportsResolver } from './sales-reports.resolver';
import { ScoringResolver } from './scoring.resolver';

/** Lead scoring, the funnel, the handoff SLA, lead quality and the shared KPIs. */
export const salesResolvers = [ScoringResolver, LeadScoreFieldsResolver, SalesReportsResolver] as const;
