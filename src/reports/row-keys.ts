import { ReportTouch } from './journeys/journey-stream';
import { Dimension } from './report-scope';

/** The key of a touch or period in one dimension, as reports show it (and as costs are keyed). */
export const NO_CAMPAIGN = '(none)';

export function touchKey(touch: ReportTouch, dimension: Dimension): string {
  switch (dimension) {
    case Dimension.CHANNEL:
      return touch.channel;
    case Dimension.CAMPAIGN:
      return touch.campaignExternalId ?? NO_CAMPAIGN;
    default:
      return touch.sourceMedium ?? '(none) / (none)';
  }
}

const humanize = (slug: string) => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/_/g, ' ');

/** A readable label for a key: "Paid search", the campaign's name, "2025-Q1", "Week of 2025-03-03". */
export function labelOf(dimension: Dimension, key: string, campaignName?: string | null): string {
  switch (dimension) {
    case Dimension.CHANNEL:
      return humanize(key);
    case Dimension.CAMPAIGN:
      return key === NO_CAMPAIGN ? 'No campaign' : (campaignName ?? key);
    case Dimension.SOURCE_MEDIUM:
      return key;
    case Dimension.WEEK:
      return `Week of ${key}`;
    case Dimension.MONTH:
      return key.slice(0, 7);
    case Dimension.QUARTER:
      return `${key.slice(0, 4)}-Q${Math.floor(Number(key.slice(5, 7)) / 3) + 1}`;
  }
}
