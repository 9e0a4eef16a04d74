import { RuleBasedModel, RuleBasedOptions } from './rule-based-model';
import { creditDeal } from './credit';
import { ConversionBasis, JourneyContext, JourneyTouch } from './journey';
import { ONE } from './ratio';

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
  test.each<{ name: string; amount: bigint; keys: string[]; options: RuleBasedOptions; expected: bigint[] }>([
    {
      name: 'the spec W_SHAPED example in cents',
      amount: 100_000n, keys: ['a', 'b', 'c', 'd', 'e'], options: { model: RuleBasedModel.W_SHAPED },
      expected: [30_000n, 30_000n, 5_000n, 30_000n, 5_000n],
    },
    {
      name: 'leftover units go to the largest remainders, ties to the earlier touch',
      amount: 100n, keys: ['a', 'b', 'c'], options: { model: RuleBasedModel.LINEAR }, expected: [34n, 33n, 33n],
    },
    {
      name: 'one unit over two equal touches goes to the earlier one',
      amount: 1n, keys: ['a', 'b'], options: { model: RuleBasedModel.POSITION_BASED }, expected: [1n, 0n],
    },
    {
      name: 'LINEAR 2,100.00 over 46 touches: the ten leftover cents go to touches 1-10, not to drift',
      amount: 210_000n, keys: Array.from({ length: 46 }, (_, index) => `k${index}`), options: { model: RuleBasedModel.LINEAR },
      expected: Array.from({ length: 46 }, (_, index) => (index < 10 ? 4_566n : 4_565n)),
    },
    {
      name: 'POSITION_BASED, a middle split three ways: the leftover cent goes to the earliest middle touch',
      amount: 1_000n, keys: ['a', 'b', 'c', 'd', 'e'], options: { model: RuleBasedModel.POSITION_BASED },
      expected: [400n, 67n, 67n, 66n, 400n],
    },
    {
      name: 'J_SHAPED, two touches: 25/75',
      amount: 1_000n, keys: ['a', 'b'], options: { model: RuleBasedModel.J_SHAPED }, expected: [250n, 750n],
    },
  ])('$name', ({ amount, keys, options, expected }) => {
    const credits = creditDeal(amount, journeyOfKeys(keys), wonDeal(), options);
    expect(credits.map(({ amountMinor }) => amountMinor)).toEqual(expected);
    expect(credits.map(({ touch }) => touch.key)).toEqual(keys);
  });

  test('an empty journey gives no credits: the amount stays unattributed', () => {
    expect(creditDeal(5_000n, [], wonDeal(), { model: RuleBasedModel.LINEAR })).toEqual([]);
  });

  test('credits carry the touch and its share', () => {
    const [credit] = creditDeal(700n, journeyOfKeys(['a']), wonDeal(), { model: RuleBasedModel.TIME_DECAY });
    expect(credit).toEqual({ touch: journeyOfKeys(['a'])[0], share: ONE, amountMinor: 700n });
  });
});
