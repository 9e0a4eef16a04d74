import { RuleBasedModel, RuleBasedOptions } from './rule-based-model';
import { ConversionBasis, JourneyContext, JourneyTouch } from './journey';
import { journeyShares } from './journey-shares';
import { ratio, toNumber } from './ratio';

const DAY_MS = 86_400_000;
const at = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * DAY_MS);

/** Touch i on day i; channel and key from `channels`, or 'paid'. */
function journeyOf(count: number, channels: string[] = []): JourneyTouch[] {
  return Array.from({ length: count }, (_, index) => {
    const channel = channels[index] ?? 'paid';
    return { id: String(index + 1), occurredAt: at(index), channel, key: channel };
  });
}

/** A won deal by default: lead on day 1, deal on day 3, closed on day 30. */
function dealContext(overrides: Partial<JourneyContext> = {}): JourneyContext {
  return {
    conversionAt: at(30), leadCreatedAt: at(1), dealCreatedAt: at(3), closedAt: at(30), basis: ConversionBasis.REVENUE,
    ...overrides,
  };
}

const pipeline = (overrides: Partial<JourneyContext> = {}) =>
  dealContext({ basis: ConversionBasis.PIPELINE, conversionAt: at(3), closedAt: null, ...overrides });

interface Case {
  name: string;
  options: RuleBasedOptions;
  touches: JourneyTouch[];
  context?: JourneyContext;
  expected: number[];
}

function expectShares({ options, touches, context, expected }: Case): void {
  const shares = journeyShares(touches, context ?? dealContext(), options).map(({ share }) => toNumber(share));
  expect(shares).toHaveLength(expected.length);
  shares.forEach((share, index) => expect(share).toBeCloseTo(expected[index], 12));
}

const { FIRST_TOUCH, LAST_TOUCH, POSITION_BASED, U_SHAPED, W_SHAPED, FULL_PATH, J_SHAPED, INVERSE_J } = RuleBasedModel;

describe('position models', () => {
  test.each<Case>([
    { name: 'FIRST_TOUCH, one touch', options: { model: FIRST_TOUCH }, touches: journeyOf(1), expected: [1] },
    { name: 'FIRST_TOUCH', options: { model: FIRST_TOUCH }, touches: journeyOf(3), expected: [1, 0, 0] },
    { name: 'LAST_TOUCH, one touch', options: { model: LAST_TOUCH }, touches: journeyOf(1), expected: [1] },
    { name: 'LAST_TOUCH', options: { model: LAST_TOUCH }, touches: journeyOf(3), expected: [0, 0, 1] },

    { name: 'POSITION_BASED, one touch', options: { model: POSITION_BASED }, touches: journeyOf(1), expected: [1] },
    { name: 'POSITION_BASED, two touches: 50/50', options: { model: POSITION_BASED }, touches: journeyOf(2), expected: [0.5, 0.5] },
    { name: 'POSITION_BASED, four touches', options: { model: POSITION_BASED }, touches: journeyOf(4), expected: [0.4, 0.1, 0.1, 0.4] },

    { name: 'U_SHAPED, one touch', options: { model: U_SHAPED }, touches: journeyOf(1), expected: [1] },
    { name: 'U_SHAPED, lead created at the second of four', options: { model: U_SHAPED }, touches: journeyOf(4), expected: [0.4, 0.4, 0.1, 0.1] },
    { name: 'U_SHAPED, two touches, lead at the second: 50/50', options: { model: U_SHAPED }, touches: journeyOf(2), expected: [0.5, 0.5] },
    {
      name: 'U_SHAPED, lead created at the first touch: FIRST and LEAD_CREATION coincide',
      options: { model: U_SHAPED }, touches: journeyOf(3), context: dealContext({ leadCreatedAt: at(0) }),
      expected: [0.8, 0.1, 0.1],
    },
    {
      name: 'U_SHAPED, lead created before any touch: LEAD_CREATION absent, its weight goes to FIRST',
      options: { model: U_SHAPED }, touches: journeyOf(3), context: dealContext({ leadCreatedAt: at(-1) }),
      expected: [0.8, 0.1, 0.1],
    },
    {
      name: 'U_SHAPED, unknown lead creation',
      options: { model: U_SHAPED }, touches: journeyOf(4), context: dealContext({ leadCreatedAt: null }),
      expected: [0.8, 0.2 / 3, 0.2 / 3, 0.2 / 3],
    },

    { name: 'W_SHAPED, one touch', options: { model: W_SHAPED }, touches: journeyOf(1), expected: [1] },
    {
      name: 'W_SHAPED, the spec example: five touches, lead at t1, deal at t3',
      options: { model: W_SHAPED }, touches: journeyOf(5), expected: [0.3, 0.3, 0.05, 0.3, 0.05],
    },
    {
      name: 'W_SHAPED, no middle touches: MIDDLE goes to the milestones in proportion',
      options: { model: W_SHAPED }, touches: journeyOf(3), context: dealContext({ dealCreatedAt: at(2) }),
      expected: [1 / 3, 1 / 3, 1 / 3],
    },
    {
      name: 'W_SHAPED, all milestones on the first touch',
      options: { model: W_SHAPED }, touches: journeyOf(3), context: dealContext({ leadCreatedAt: at(0), dealCreatedAt: at(0) }),
      expected: [0.9, 0.05, 0.05],
    },
    {
      name: 'W_SHAPED, lead and deal created before any touch',
      options: { model: W_SHAPED }, touches: journeyOf(3), context: dealContext({ leadCreatedAt: at(-2), dealCreatedAt: at(-1) }),
      expected: [0.9, 0.05, 0.05],
    },

    { name: 'FULL_PATH, one touch', options: { model: FULL_PATH }, touches: journeyOf(1), expected: [1] },
    {
      name: 'FULL_PATH, the spec example as a pipeline report: CLOSED absent, equals W_SHAPED',
      options: { model: FULL_PATH }, touches: journeyOf(5), context: pipeline(), expected: [0.3, 0.3, 0.05, 0.3, 0.05],
    },
    {
      name: 'FULL_PATH, revenue report: the last touch holds CLOSED',
      options: { model: FULL_PATH }, touches: journeyOf(5), expected: [0.225, 0.225, 0.1, 0.225, 0.225],
    },
    {
      name: 'FULL_PATH, revenue report, no middle touches',
      options: { model: FULL_PATH }, touches: journeyOf(4), context: dealContext({ dealCreatedAt: at(2) }),
      expected: [0.25, 0.25, 0.25, 0.25],
    },

    { name: 'J_SHAPED, one touch', options: { model: J_SHAPED }, touches: journeyOf(1), expected: [1] },
    { name: 'J_SHAPED, two touches: 25/75', options: { model: J_SHAPED }, touches: journeyOf(2), expected: [0.25, 0.75] },
    { name: 'J_SHAPED, four touches', options: { model: J_SHAPED }, touches: journeyOf(4), expected: [0.2, 0.1, 0.1, 0.6] },

    { name: 'INVERSE_J, one touch', options: { model: INVERSE_J }, touches: journeyOf(1), expected: [1] },
    { name: 'INVERSE_J, two touches: 75/25', options: { model: INVERSE_J }, touches: journeyOf(2), expected: [0.75, 0.25] },
    { name: 'INVERSE_J, four touches', options: { model: INVERSE_J }, touches: journeyOf(4), expected: [0.6, 0.1, 0.1, 0.2] },
  ])('$name', expectShares);
});

describe('CUSTOM', () => {
  test.each<Case>([
    {
      name: 'FIRST and LAST only: middle touches get nothing',
      options: { model: RuleBasedModel.CUSTOM, weights: { FIRST: 0.5, LAST: 0.5 } }, touches: journeyOf(3),
      expected: [0.5, 0, 0.5],
    },
    {
      name: 'all on OPPORTUNITY_CREATION',
      options: { model: RuleBasedModel.CUSTOM, weights: { OPPORTUNITY_CREATION: 1 } }, touches: journeyOf(5),
      expected: [0, 0, 0, 1, 0],
    },
    {
      name: 'CLOSED in a pipeline report: no positive milestone placed, so every touch is middle',
      options: { model: RuleBasedModel.CUSTOM, weights: { CLOSED: 0.7, MIDDLE: 0.3 } }, touches: journeyOf(3),
      context: pipeline(), expected: [1 / 3, 1 / 3, 1 / 3],
    },
    {
      name: 'the W_SHAPED weights give the W_SHAPED shares',
      options: { model: RuleBasedModel.CUSTOM, weights: { FIRST: 0.3, LEAD_CREATION: 0.3, OPPORTUNITY_CREATION: 0.3, MIDDLE: 0.1 } },
      touches: journeyOf(5), expected: [0.3, 0.3, 0.05, 0.3, 0.05],
    },
  ])('$name', expectShares);
});

describe('LINEAR', () => {
  test.each<Case>([
    { name: 'one touch', options: { model: RuleBasedModel.LINEAR }, touches: journeyOf(1), expected: [1] },
    {
      name: 'a repeated channel earns once per touch',
      options: { model: RuleBasedModel.LINEAR }, touches: journeyOf(4, ['paid', 'paid', 'email', 'paid']),
      expected: [0.25, 0.25, 0.25, 0.25],
    },
  ])('$name', expectShares);
});

describe('LAST_NON_DIRECT', () => {
  const model = RuleBasedModel.LAST_NON_DIRECT;
  test.each<Case>([
    { name: 'skips trailing direct touches', options: { model }, touches: journeyOf(3, ['paid', 'email', 'direct']), expected: [0, 1, 0] },
    { name: 'a non-direct last touch takes it all', options: { model }, touches: journeyOf(3, ['direct', 'paid', 'email']), expected: [0, 0, 1] },
    { name: 'all direct: the last touch', options: { model }, touches: journeyOf(3, ['direct', 'direct', 'direct']), expected: [0, 0, 1] },
    { name: 'one direct touch', options: { model }, touches: journeyOf(1, ['direct']), expected: [1] },
    {
      name: 'only "direct" is direct by default',
      options: { model }, touches: journeyOf(3, ['paid', 'organic', 'direct']), expected: [0, 1, 0],
    },
    {
      name: 'the direct channels are configurable',
      options: { model, directChannels: ['direct', 'organic'] }, touches: journeyOf(3, ['paid', 'organic', 'direct']),
      expected: [1, 0, 0],
    },
    {
      name: 'no direct channels: the last touch',
      options: { model, directChannels: [] }, touches: journeyOf(3, ['paid', 'organic', 'direct']), expected: [0, 0, 1],
    },
  ])('$name', expectShares);
});

describe('TIME_DECAY', () => {
  const model = RuleBasedModel.TIME_DECAY;
  const daysBefore = (conversionDay: number, days: number[]) =>
    days.map((day, index) => ({ id: String(index + 1), occurredAt: at(conversionDay - day), channel: 'paid', key: 'paid' }));
  const converting = (day: number) => dealContext({ conversionAt: at(day), closedAt: at(day) });

  test.each<Case>([
    {
      name: 'one half-life (default 7 days) earlier weighs half',
      options: { model }, touches: daysBefore(30, [7, 0]), context: converting(30), expected: [1 / 3, 2 / 3],
    },
    {
      name: 'two half-lives earlier weighs a quarter',
      options: { model }, touches: daysBefore(30, [14, 7, 0]), context: converting(30), expected: [1 / 7, 2 / 7, 4 / 7],
    },
    {
      name: 'the half-life is configurable',
      options: { model, halfLifeDays: 1 }, touches: daysBefore(30, [1, 0]), context: converting(30), expected: [1 / 3, 2 / 3],
    },
    {
      name: 'elapsed time is exact: half a half-life weighs 2^-0.5',
      options: { model }, touches: daysBefore(30, [3.5, 0]), context: converting(30),
      expected: [Math.SQRT1_2 / (1 + Math.SQRT1_2), 1 / (1 + Math.SQRT1_2)],
    },
    {
      name: 'only the gap between touches matters, not the age of the newest one',
      options: { model }, touches: daysBefore(30, [7.5, 0.5]), context: converting(30), expected: [1 / 3, 2 / 3],
    },
    {
      name: 'touches years old do not underflow',
      options: { model }, touches: daysBefore(30, [3657, 3650]), context: converting(30), expected: [1 / 3, 2 / 3],
    },
    { name: 'one touch', options: { model }, touches: daysBefore(30, [400]), context: converting(30), expected: [1] },
  ])('$name', expectShares);
});

describe('journeyShares', () => {
  test('orders the journey by (occurredAt, id) whatever the input order', () => {
    const [first, second, third] = journeyOf(3);
    const shares = journeyShares([third, first, second], dealContext(), { model: RuleBasedModel.J_SHAPED });
    expect(shares.map(({ touch }) => touch.id)).toEqual(['1', '2', '3']);
    expect(toNumber(shares[2].share)).toBeCloseTo(0.6, 12);
  });

  test('collapseRepeats merges consecutive touches of a key into the first, after ordering', () => {
    const touches = journeyOf(5, ['paid', 'paid', 'email', 'paid', 'paid']);
    const shares = journeyShares([...touches].reverse(), dealContext(), { model: RuleBasedModel.LINEAR, collapseRepeats: true });
    expect(shares.map(({ touch }) => touch.id)).toEqual(['1', '3', '4']);
    shares.forEach(({ share }) => expect(share).toEqual(ratio(1n, 3n)));
  });

  test('repeats are kept by default', () => {
    const touches = journeyOf(3, ['paid', 'paid', 'email']);
    expect(journeyShares(touches, dealContext(), { model: RuleBasedModel.LINEAR })).toHaveLength(3);
  });

  test('milestones are found on the collapsed journey', () => {
    // Collapsed: t1 (paid, day 0), t3 (email, day 2); the lead (day 1) is created after t1 only.
    const touches = journeyOf(3, ['paid', 'paid', 'email']);
    const shares = journeyShares(touches, dealContext(), { model: RuleBasedModel.U_SHAPED, collapseRepeats: true });
    expect(shares.map(({ touch, share }) => [touch.id, share])).toEqual([['1', ratio(4n, 5n)], ['3', ratio(1n, 5n)]]);
  });

  test('an empty journey has no shares', () => {
    expect(journeyShares([], dealContext(), { model: RuleBasedModel.LINEAR })).toEqual([]);
  });
});
