import { registerEnumType } from 'type-graphql';
import { AttributionModel } from '../../attribution/attribution-model';
import { ConversionBasis } from '../../attribution/journey';
import { ContactsRule, Dimension } from '../../reports/report-scope';

registerEnumType(AttributionModel, {
  name: 'AttributionModel',
  description: 'How a deal\'s amount is split over the touches of its journey; every rule, edge case and worked example is in docs/attribution.md of the repository. Position models give '
    + 'each milestone position a weight: FIRST (first touch), LAST (last touch), LEAD_CREATION (last touch at or before the '
    + 'earliest createdAt of the contacts), OPPORTUNITY_CREATION (last touch at or before the deal\'s createdAt), CLOSED (last '
    + 'touch at or before closedAt; revenue reports only) and MIDDLE (split equally over the touches holding no position). A '
    + 'touch holding several positions gets their sum; the weight of an absent milestone (or of MIDDLE when no touch is in '
    + 'the middle) is redistributed over the placed milestones in proportion to their weights. One touch gets 100%.',
  valuesConfig: {
    FIRST_TOUCH: { description: 'All credit to the first touch.' },
    LAST_TOUCH: { description: 'All credit to the last touch.' },
    LAST_NON_DIRECT: { description: 'All credit to the last touch whose channel is not direct (see directChannels); the last touch when every touch is direct.' },
    LINEAR: { description: 'Each touch 1/n (a repeated channel earns once per touch).' },
    POSITION_BASED: { description: 'FIRST 40%, LAST 40%, MIDDLE 20% (the "U-shape" of Google, Adobe and Salesforce). Two touches: 50/50.' },
    U_SHAPED: { description: 'FIRST 40%, LEAD_CREATION 40%, MIDDLE 20% (HubSpot, Marketo Measure).' },
    W_SHAPED: { description: 'FIRST 30%, LEAD_CREATION 30%, OPPORTUNITY_CREATION 30%, MIDDLE 10%.' },
    FULL_PATH: { description: 'FIRST, LEAD_CREATION, OPPORTUNITY_CREATION and CLOSED 22.5% each, MIDDLE 10%. In pipeline reports CLOSED is absent and its weight is redistributed.' },
    J_SHAPED: { description: 'FIRST 20%, LAST 60%, MIDDLE 20%. Two touches: 25/75.' },
    INVERSE_J: { description: 'FIRST 60%, LAST 20%, MIDDLE 20%. Two touches: 75/25.' },
    TIME_DECAY: { description: 'Weight 2^(-(t* - t)/halfLifeDays) per touch, normalised: a touch halfLifeDays older than another earns half as much. Elapsed time is exact (fractional days).' },
    CUSTOM: { description: 'Your own position weights (input weights): non-negative, summing to 1, read as the decimals written (0.1 + 0.2 + 0.7 is exactly 1).' },
    MARKOV: { description: 'Data-driven: an absorbing Markov chain over the paths of won (converting), lost, deal-less lead and never-identified visitor (non-converting) journeys, states of `order` consecutive keys (1-4). A path shorter than the order is one state. Journeys left without a touch are not paths. P(conv) is solved exactly (no simulation, so results never change between runs); a key\'s removal effect RE = 1 - P(conv without it) / P(conv); total converting revenue is split by RE / sum(RE). groupBy CHANNEL or CAMPAIGN.' },
    COUNTERFACTUAL: { description: 'Data-driven (Google fractribution\'s leave-one-out): per converting path, each touch earns max(0, p(path) - p(path without it)), p = conversions / journeys of identical paths, normalised per path; a one-touch path gives 1; all zero: the last touch. The path without a touch is not collapsed again (A > B > A without B is A > A). groupBy CHANNEL or CAMPAIGN.' },
    SHAPLEY: { description: 'Data-driven: the exact Shapley value per converting journey over its distinct keys (at most 12), with v(S) = conversion rate of journeys whose distinct key set is exactly S; negatives floored at 0, normalised (all zero: equal split). groupBy CHANNEL or CAMPAIGN.' },
  },
});

registerEnumType(ConversionBasis, {
  name: 'ConversionBasis',
  description: 'Which deals a report counts and when they convert (t*).',
  valuesConfig: {
    REVENUE: { description: 'Won deals closed in the period; t* is closedAt. The amounts are revenue.' },
    PIPELINE: { description: 'Deals created in the period, whatever their status; t* is createdAt. The amounts are pipeline.' },
  },
});

registerEnumType(Dimension, {
  name: 'AttributionDimension',
  description: 'What report rows are grouped by. Touch dimensions (CHANNEL, CAMPAIGN, SOURCE_MEDIUM, TOUCH_TYPE) split a deal by the '
    + 'touches that earned its credit; deal dimensions (INDUSTRY, SEGMENT, SIZE of the deal\'s account, OWNER of the deal) put '
    + 'the whole deal in one row, "(none)" when the value is absent; period dimensions (WEEK, MONTH, QUARTER) bucket deals by '
    + 'their conversion time in the report\'s timeZone. Spend is recorded per campaign and day, so rows grouped by a touch '
    + 'type or deal dimension have no cost (the report\'s cost stays the period\'s spend).',
  valuesConfig: {
    CHANNEL: { description: 'The touch\'s channel slug (key) and a readable name (label).' },
    CAMPAIGN: { description: 'The touch\'s campaign externalId (key) and name (label); touches without a campaign are "(none)".' },
    SOURCE_MEDIUM: { description: 'The touch\'s "utm_source / utm_medium" (falling back to its campaign\'s UTM values; "(none)" when absent).' },
    TOUCH_TYPE: { description: 'The touch\'s type (key, e.g. AD_CLICK, WEBINAR) and a readable name (label, e.g. "Ad click").' },
    INDUSTRY: { description: 'The industry of the deal\'s account; "(none)" (label "No industry") for a deal without an account or an account without an industry.' },
    SEGMENT: { description: 'The segment of the deal\'s account (e.g. SMB, Enterprise); "(none)" (label "No segment") when the deal has no account or the account no segment.' },
    SIZE: { description: 'The size band of the deal\'s account; "(none)" (label "No size") when the deal has no account or the account no size.' },
    OWNER: { description: 'The deal\'s owner as the CRM names it; "(none)" (label "No owner") for a deal without an owner.' },
    WEEK: { description: 'Week (Monday to Sunday) of the conversion; key is its Monday, YYYY-MM-DD.' },
    MONTH: { description: 'Calendar month of the conversion; key is its first day, YYYY-MM-DD.' },
    QUARTER: { description: 'Calendar quarter of the conversion; key is its first day, YYYY-MM-DD.' },
  },
});

registerEnumType(ContactsRule, {
  name: 'ContactsRule',
  description: 'Whose touches make up a deal\'s journey.',
  valuesConfig: {
    PRIMARY: { description: 'Only the deal\'s primary contact.' },
    DEAL_CONTACTS: { description: 'Every lead linked to the deal (the default).' },
    ACCOUNT: { description: 'Every lead of the deal\'s account: the whole buying committee, linked to the deal or not.' },
  },
});
