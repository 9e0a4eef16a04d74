import { TouchType } from '../src/database/enums';
import { FitAttribute, NewScoringRuleSet } from '../src/sales/lead-scoring.service';

// The reports bench:scale times, all over one quarter of the demo data (the last full quarter
// before its end): attribution stored and on the fly, compareModels, the data-driven models and the
// four sales reports.
const QUARTER = { from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
const RULE_BASED = ['FIRST_TOUCH', 'LAST_TOUCH', 'LAST_NON_DIRECT', 'LINEAR', 'POSITION_BASED', 'U_SHAPED', 'W_SHAPED',
  'FULL_PATH', 'J_SHAPED', 'INVERSE_J', 'TIME_DECAY'];

export interface ScaleReport { name: string; period: string; query: string; variables: object }
export interface Memory { rss: number; heap: number }

const ATTRIBUTION = 'query($input: AttributionInput!) { attribution(input: $input) { total { amount } rows { key revenue { amount } deals } } }';
const MARKOV = `query($input: AttributionInput!) { attribution(input: $input) { total { amount } rows { key revenue { amount } }
  markov { conversionProbability removalEffects { key effect } } } }`;
const COMPARE = 'query($input: CompareModelsInput!) { compareModels(input: $input) { rows { key values { revenue { amount } } } } }';
const KPIS = `query($input: KpisInput!) { kpis(input: $input) { pipeline { amount } marketingSourcedPipeline { amount }
  marketingInfluencedPipeline { amount } revenue { amount } attributedMarketingRevenue { amount } opportunities wonDeals lostDeals
  winRate salesCycleDays leads mqls mqlToSqlRate newCustomers marketingSpend { amount } marketingRoi } }`;
const FUNNEL = 'query($input: FunnelInput!) { funnel(input: $input) { total { stages { stage count medianDaysFromPrevious } } rows { key stages { count } } } }';
const QUALITY = `query($input: LeadQualityInput!) { leadQuality(input: $input) { total { leads mqls sqls opportunities wonDeals revenue { amount } }
  rows { key leads mqls opportunities wonDeals revenue { amount } } } }`;
const SLA = `query($input: HandoffSlaInput!) { handoffSla(input: $input) { total { mqls met breached pending medianResponseHours }
  byPeriod { key mqls met } byOwner { key mqls met } } }`;

const report = (name: string, query: string, input: object): ScaleReport =>
  ({ name, period: `${QUARTER.from.slice(0, 10)} to ${QUARTER.to.slice(0, 10)}`, query, variables: { input: { ...QUARTER, ...input } } });

export const SCALE_REPORTS: ScaleReport[] = [
  report('attribution POSITION_BASED by CHANNEL (stored credits)', ATTRIBUTION, { model: 'POSITION_BASED', groupBy: ['CHANNEL'] }),
  report('attribution POSITION_BASED by CHANNEL, lookbackDays 90 (credited on the fly)', ATTRIBUTION,
    { model: 'POSITION_BASED', groupBy: ['CHANNEL'], lookbackDays: 90 }),
  report(`compareModels, ${RULE_BASED.length} rule-based models by CHANNEL`, COMPARE, { models: RULE_BASED }),
  report('MARKOV order 1 by CHANNEL', MARKOV, { model: 'MARKOV', groupBy: ['CHANNEL'] }),
  report('COUNTERFACTUAL by CHANNEL', ATTRIBUTION, { model: 'COUNTERFACTUAL', groupBy: ['CHANNEL'] }),
  report('kpis', KPIS, {}),
  report('funnel by CHANNEL', FUNNEL, { groupBy: 'CHANNEL' }),
  report('leadQuality by CHANNEL', QUALITY, { groupBy: 'CHANNEL' }),
  report('handoffSla by MONTH', SLA, { period: 'MONTH' }),
];

// The demo data's rule set scores no lead to MQL: these make MQLs (so handoffs) of part of the
// leads, so that the sales reports do their usual work. Set before the growth: copies carry scores.
export const SCALE_SCORING_RULES: NewScoringRuleSet = {
  threshold: 60, decayHalfLifeDays: null, slaHours: 24, nonMarketingChannels: ['sales', 'direct'],
  rules: [
    { touchType: TouchType.FORM_SUBMIT, channel: null, points: 40 }, { touchType: TouchType.WEBINAR, channel: null, points: 30 },
    { touchType: TouchType.CONTENT_DOWNLOAD, channel: null, points: 20 }, { touchType: TouchType.EMAIL_CLICK, channel: null, points: 10 },
  ],
  fitRules: [{ attribute: FitAttribute.SEGMENT, value: 'Enterprise', points: 20 }],
};
