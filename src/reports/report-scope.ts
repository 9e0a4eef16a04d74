import { ConversionBasis } from '../attribution/journey';

/** Whose touches make a deal's journey. */
export enum ContactsRule {
  PRIMARY = 'PRIMARY',
  DEAL_CONTACTS = 'DEAL_CONTACTS',
  ACCOUNT = 'ACCOUNT',
}

/** What report rows are grouped by: touch attributes first, then deal and account attributes, then conversion periods. */
export enum Dimension {
  CHANNEL = 'CHANNEL',
  CAMPAIGN = 'CAMPAIGN',
  SOURCE_MEDIUM = 'SOURCE_MEDIUM',
  TOUCH_TYPE = 'TOUCH_TYPE',
  INDUSTRY = 'INDUSTRY',
  SEGMENT = 'SEGMENT',
  SIZE = 'SIZE',
  OWNER = 'OWNER',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
}

export const PERIOD_DIMENSIONS: ReadonlySet<Dimension> = new Set([Dimension.WEEK, Dimension.MONTH, Dimension.QUARTER]);

export const isPeriod = (dimension: Dimension) => PERIOD_DIMENSIONS.has(dimension);

/** Attributes of the deal (its owner) or of its account: one key per deal, like a period. */
export const DEAL_ATTRIBUTES: ReadonlySet<Dimension> = new Set([Dimension.INDUSTRY, Dimension.SEGMENT, Dimension.SIZE, Dimension.OWNER]);

export const isDealAttribute = (dimension: Dimension) => DEAL_ATTRIBUTES.has(dimension);

/** Whether each touch of a journey has its own key in the dimension (a deal's keys are shared by its touches). */
export const isTouchDimension = (dimension: Dimension) => !isPeriod(dimension) && !isDealAttribute(dimension);

/** Which deals and which of their touches a report looks at (docs/attribution.md, "The journey of a deal"). */
export interface JourneyScope {
  basis: ConversionBasis;
  /** Half-open [from, to) on the conversion time; open-ended when absent. */
  from?: Date;
  to?: Date;
  /** IANA time zone for conversion dates and period buckets. */
  timeZone: string;
  contacts: ContactsRule;
  lookbackDays?: number;
  includeChannels?: readonly string[];
  excludeChannels?: readonly string[];
  /** Campaign externalIds. */
  includeCampaigns?: readonly string[];
  excludeCampaigns?: readonly string[];
  /** Currency the amounts are reported in. */
  currency: string;
  /** The currency FX rates convert into (REPORTING_CURRENCY). */
  baseCurrency: string;
  /** Revenue reports: the statuses of deals closed in the period; default WON (data-driven models add LOST). */
  closedStatuses?: readonly ('WON' | 'LOST')[];
  /** Only these deals (by id), whatever the period: for one deal's journey. */
  dealIds?: readonly string[];
  /** Period buckets the query must compute for each deal. */
  periods: readonly Dimension[];
  /** Deal and account attributes the query must return for each deal. */
  dealAttributes?: readonly Dimension[];
  /** Touch attributes the query must return beyond channel and campaign id (each costs time per row). */
  touchDetails?: { campaign?: boolean; sourceMedium?: boolean; type?: boolean; externalIds?: boolean };
}

/**
 * Whether the scope's journeys are the default ones (every contact of the deal, every touch up to
 * the conversion), whose credits and keys the refresh keeps stored.
 */
export function hasDefaultJourneys(scope: JourneyScope): boolean {
  return scope.contacts === ContactsRule.DEAL_CONTACTS && scope.lookbackDays === undefined
    && !scope.includeChannels && !scope.excludeChannels && !scope.includeCampaigns && !scope.excludeCampaigns
    && !scope.dealIds;
}
