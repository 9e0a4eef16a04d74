import { AttributionModel, ModelOptions } from './attribution-model';
import { creditDeal, creditsByKey } from './credit';
import { ConversionBasis, JourneyContext, JourneyTouch } from './journey';

const DAY_MS = 86_400_000;
const at = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * DAY_MS);

function journeyOfKeys(keys: string[]): JourneyTouch[] {
  return keys.map((key, index) => ({ id: String(index + 1), occurredAt: at(index), channel: key, key }));
}

function wonDeal(overrides: Partial<JourneyContext> = {}): JourneyContext {
  return {
    conversionAt: at(30), leadCreatedAt: at(1), dealCreatedAt: at(3), closedAt: at(30), basis: ConversionBasis.REVENUE,
    ...overrides,
  };
}

describe('creditDeal', () => {
  test.each<{ name: string; amount: bigint; keys: string[]; options: ModelOptions; expected: bigint[] }>([
    {
      name: 'the spec W_SHAPED example in cents',
      amount: 100_000n, keys: ['a', 'b', 'c', 'd', 'e'], options: { model: AttributionModel.W_SHAPED },
      expected: [30_000n, 30_000n, 5_000n, 30_000n, 5_000n],
    },
    {
      name: 'leftover units go to the largest remainders, ties to the earlier touch',
      amount: 100n, keys: ['a', 'b', 'c'], options: { model: AttributionModel.LINEAR }, expected: [34n, 33n, 33n],
    },
    {
      name: 'one unit over two equal touches goes to the earlier one',
      amount: 1n, keys: ['a', 'b'], options: { model: AttributionModel.POSITION_BASED }, expected: [1n, 0n],
    },
    {
      name: 'J_SHAPED, two touches: 25/75',
      amount: 1_000n, keys: ['a', 'b'], options: { model: AttributionModel.J_SHAPED }, expected: [250n, 750n],
    },
  ])('$name', ({ amount, keys, options, expected }) => {
    const credits = creditDeal(amount, journeyOfKeys(keys), wonDeal(), options);
    expect(credits.map(({ amountMinor }) => amountMinor)).toEqual(expected);
    expect(credits.map(({ touch }) => touch.key)).toEqual(keys);
  });

  test('an empty journey gives no credits: the amount stays unattributed', () => {
    expect(creditDeal(5_000n, [], wonDeal(), { model: AttributionModel.LINEAR })).toEqual([]);
  });

  test('credits carry the touch and its share', () => {
    const [credit] = creditDeal(700n, journeyOfKeys(['a']), wonDeal(), { model: AttributionModel.TIME_DECAY });
    expect(credit).toEqual({ touch: journeyOfKeys(['a'])[0], share: 1, amountMinor: 700n });
  });
});

describe('creditsByKey', () => {
  test('sums money and deal credit per key, in order of first appearance', () => {
    const firstDeal = creditDeal(1_000n, journeyOfKeys(['paid', 'email', 'paid', 'direct']), wonDeal(), { model: AttributionModel.LINEAR });
    const secondDeal = creditDeal(301n, journeyOfKeys(['email', 'seo']), wonDeal(), { model: AttributionModel.POSITION_BASED });
    expect(creditsByKey([...firstDeal, ...secondDeal])).toEqual([
      { key: 'paid', amountMinor: 500n, dealCredit: 0.5 },
      { key: 'email', amountMinor: 401n, dealCredit: 0.75 },
      { key: 'direct', amountMinor: 250n, dealCredit: 0.25 },
      { key: 'seo', amountMinor: 150n, dealCredit: 0.5 },
    ]);
  });

  test('no credits, no keys', () => {
    expect(creditsByKey([])).toEqual([]);
  });
});
