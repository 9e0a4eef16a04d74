import { ConversionBasis, JourneyContext, JourneyTouch } from './journey';

export type Milestone = 'FIRST' | 'LAST' | 'LEAD_CREATION' | 'OPPORTUNITY_CREATION' | 'CLOSED';

export const MILESTONES: readonly Milestone[] = ['FIRST', 'LAST', 'LEAD_CREATION', 'OPPORTUNITY_CREATION', 'CLOSED'];

/** Index (in the ordered journey) of the touch holding each milestone; undefined when absent. */
export type MilestoneHolders = Partial<Record<Milestone, number>>;

function lastTouchAtOrBefore(journey: readonly JourneyTouch[], at: Date | null): number | undefined {
  if (at === null) return undefined;
  const index = journey.findLastIndex((touch) => touch.occurredAt.getTime() <= at.getTime());
  return index < 0 ? undefined : index;
}

/** Finds the milestone holders of a journey already in `(occurredAt, id)` order. */
export function findMilestones(journey: readonly JourneyTouch[], context: JourneyContext): MilestoneHolders {
  if (journey.length === 0) return {};
  return {
    FIRST: 0,
    LAST: journey.length - 1,
    LEAD_CREATION: lastTouchAtOrBefore(journey, context.leadCreatedAt),
    OPPORTUNITY_CREATION: lastTouchAtOrBefore(journey, context.dealCreatedAt),
    // Only a won deal closes: pipeline reports have no CLOSED milestone even for closed deals.
    CLOSED: context.basis === ConversionBasis.REVENUE ? lastTouchAtOrBefore(journey, context.closedAt) : undefined,
  };
}
