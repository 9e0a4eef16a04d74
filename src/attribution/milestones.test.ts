import { ConversionBasis, JourneyContext } from './journey';
import { findMilestones } from './milestones';

const DAY_MS = 86_400_000;
const at = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * DAY_MS);

// Touches on days 0, 2, 4 and 6.
const journey = ['1', '2', '3', '4'].map((id, index) => ({ id, occurredAt: at(index * 2), channel: 'paid', key: 'paid' }));

function context(overrides: Partial<JourneyContext>): JourneyContext {
  return {
    conversionAt: at(10), leadCreatedAt: at(3), dealCreatedAt: at(5), closedAt: at(10), basis: ConversionBasis.REVENUE,
    ...overrides,
  };
}

describe('findMilestones', () => {
  test.each([
    {
      name: 'each milestone goes to the last touch at or before its date',
      context: context({}),
      expected: { FIRST: 0, LAST: 3, LEAD_CREATION: 1, OPPORTUNITY_CREATION: 2, CLOSED: 3 },
    },
    {
      name: 'a touch at the very instant counts as before it',
      context: context({ leadCreatedAt: at(2), dealCreatedAt: at(4) }),
      expected: { FIRST: 0, LAST: 3, LEAD_CREATION: 1, OPPORTUNITY_CREATION: 2, CLOSED: 3 },
    },
    {
      name: 'milestones before the first touch are absent',
      context: context({ leadCreatedAt: at(-1), dealCreatedAt: at(-1) }),
      expected: { FIRST: 0, LAST: 3, CLOSED: 3 },
    },
    {
      name: 'an unknown lead creation is absent',
      context: context({ leadCreatedAt: null }),
      expected: { FIRST: 0, LAST: 3, OPPORTUNITY_CREATION: 2, CLOSED: 3 },
    },
    {
      name: 'milestones can coincide',
      context: context({ leadCreatedAt: at(0), dealCreatedAt: at(1), closedAt: at(1) }),
      expected: { FIRST: 0, LAST: 3, LEAD_CREATION: 0, OPPORTUNITY_CREATION: 0, CLOSED: 0 },
    },
    {
      name: 'pipeline reports have no CLOSED milestone, even for a closed deal',
      context: context({ basis: ConversionBasis.PIPELINE, conversionAt: at(5) }),
      expected: { FIRST: 0, LAST: 3, LEAD_CREATION: 1, OPPORTUNITY_CREATION: 2 },
    },
    {
      name: 'a revenue deal without closedAt has no CLOSED milestone',
      context: context({ closedAt: null }),
      expected: { FIRST: 0, LAST: 3, LEAD_CREATION: 1, OPPORTUNITY_CREATION: 2 },
    },
  ])('$name', ({ context: dealContext, expected }) => {
    expect(findMilestones(journey, dealContext)).toEqual(expected);
  });

  test('touches at the same instant: the later id holds the milestone', () => {
    const tied = [
      { id: '9', occurredAt: at(1), channel: 'paid', key: 'paid' },
      { id: '10', occurredAt: at(1), channel: 'email', key: 'email' },
    ];
    expect(findMilestones(tied, context({ leadCreatedAt: at(1) })).LEAD_CREATION).toBe(1);
  });

  test('an empty journey has no milestones', () => {
    expect(findMilestones([], context({}))).toEqual({});
  });
});
