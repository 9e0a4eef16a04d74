import fc from 'fast-check';
import { RuleBasedModel, RuleBasedOptions, PositionModel } from './rule-based-model';
import { creditDeal } from './credit';
import { ConversionBasis, JourneyContext, JourneyTouch, orderJourney } from './journey';
import { journeyCredits } from './journey-credits';
import { journeyShares } from './journey-shares';
import { POSITIONS, PositionWeights } from './position-models';
import { ONE, compare, sum, toNumber } from './ratio';

const DAY_MS = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const CHANNELS = ['direct', 'paid', 'email', 'organic'];

// Whole days make ties (same instant, different ids) and coinciding milestones common.
const instant = fc.oneof(
  fc.integer({ min: 0, max: 20 }).map((day) => new Date(START + day * DAY_MS)),
  fc.integer({ min: 0, max: 20 * DAY_MS }).map((ms) => new Date(START + ms)),
);

const touch: fc.Arbitrary<JourneyTouch> = fc.record({
  id: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String), fc.string({ minLength: 1, maxLength: 3 })),
  occurredAt: instant,
  channel: fc.constantFrom(...CHANNELS),
  key: fc.constantFrom('a', 'b', 'c'),
});

const touches = fc.uniqueArray(touch, { selector: ({ id }) => id, maxLength: 15 });

const context: fc.Arbitrary<JourneyContext> = fc.record({
  conversionAt: instant,
  leadCreatedAt: fc.option(instant, { nil: null }),
  dealCreatedAt: instant,
  closedAt: fc.option(instant, { nil: null }),
  basis: fc.constantFrom(ConversionBasis.REVENUE, ConversionBasis.PIPELINE),
});

const customWeights: fc.Arbitrary<PositionWeights> = fc
  .array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: POSITIONS.length, maxLength: POSITIONS.length })
  .filter((weights) => weights.reduce((sum, weight) => sum + weight, 0) > 1e-6)
  .map((weights) => {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    return Object.fromEntries(POSITIONS.map((position, index) => [position, weights[index] / total]));
  });

const positionModels: PositionModel[] = [
  RuleBasedModel.FIRST_TOUCH, RuleBasedModel.LAST_TOUCH, RuleBasedModel.POSITION_BASED, RuleBasedModel.U_SHAPED,
  RuleBasedModel.W_SHAPED, RuleBasedModel.FULL_PATH, RuleBasedModel.J_SHAPED, RuleBasedModel.INVERSE_J,
];

const options: fc.Arbitrary<RuleBasedOptions> = fc.oneof(
  fc.record({ model: fc.constantFrom(...positionModels, RuleBasedModel.LINEAR), collapseRepeats: fc.boolean() }),
  fc.record({
    model: fc.constant(RuleBasedModel.LAST_NON_DIRECT), directChannels: fc.subarray(CHANNELS), collapseRepeats: fc.boolean(),
  }),
  fc.record({
    model: fc.constant(RuleBasedModel.TIME_DECAY), halfLifeDays: fc.double({ min: 0.01, max: 365, noNaN: true }),
    collapseRepeats: fc.boolean(),
  }),
  fc.record({ model: fc.constant(RuleBasedModel.CUSTOM), weights: customWeights, collapseRepeats: fc.boolean() }),
);

/** A journey and the same touches in another order. */
const shuffledJourney = touches.chain((journey) =>
  fc.tuple(fc.constant(journey), fc.shuffledSubarray(journey, { minLength: journey.length, maxLength: journey.length })),
);

const amount = fc.bigInt({ min: 0n, max: 10n ** 15n });

describe('rule-based models, for any journey', () => {
  test('shares are non-negative and sum exactly to 1; only an empty journey has none', () => {
    fc.assert(fc.property(touches, context, options, (journey, dealContext, modelOptions) => {
      const shares = journeyShares(journey, dealContext, modelOptions).map(({ share }) => share);
      expect(shares.length === 0).toBe(journey.length === 0);
      shares.forEach((share) => expect(share.num >= 0n).toBe(true));
      if (shares.length > 0) expect(sum(shares)).toEqual(ONE);
    }));
  });

  test('of two touches with equal shares, the earlier never receives less', () => {
    fc.assert(fc.property(amount, touches, context, options, (amountMinor, journey, dealContext, modelOptions) => {
      const credits = creditDeal(amountMinor, journey, dealContext, modelOptions);
      credits.forEach((earlier, index) => credits.slice(index + 1).forEach((later) => {
        if (compare(earlier.share, later.share) === 0) expect(earlier.amountMinor >= later.amountMinor).toBe(true);
      }));
    }));
  });

  test('minor units sum exactly to the amount, per touch and per key', () => {
    fc.assert(fc.property(amount, touches, context, options, (amountMinor, journey, dealContext, modelOptions) => {
      const credits = creditDeal(amountMinor, journey, dealContext, modelOptions);
      const total = journey.length === 0 ? 0n : amountMinor;
      credits.forEach(({ amountMinor: credit }) => expect(credit >= 0n).toBe(true));
      expect(credits.reduce((all, credit) => all + credit.amountMinor, 0n)).toBe(total);
    }));
  });

  test('results are deterministic and independent of input order', () => {
    fc.assert(fc.property(amount, shuffledJourney, context, options, (amountMinor, [journey, shuffled], dealContext, modelOptions) => {
      const expected = creditDeal(amountMinor, journey, dealContext, modelOptions);
      expect(creditDeal(amountMinor, shuffled, dealContext, modelOptions)).toEqual(expected);
      expect(creditDeal(amountMinor, journey, dealContext, modelOptions)).toEqual(expected);
    }));
  });

  test('journeyCredits (integer weights in doubles) gives creditDeal\'s credits and shares exactly, by touch index', () => {
    // Long journeys and large amounts too: the bigint fallback of allocateByIntegerWeights.
    const anyAmount = fc.oneof(amount, fc.bigInt({ min: 0n, max: 10n ** 30n }));
    const journeys = fc.oneof(touches, fc.uniqueArray(touch, { selector: ({ id }) => id, minLength: 30, maxLength: 200 }));
    fc.assert(fc.property(anyAmount, journeys, context, options, (amountMinor, journey, dealContext, modelOptions) => {
      const ordered = orderJourney(journey);
      const credits = creditDeal(amountMinor, ordered, dealContext, modelOptions);
      const expected = { amounts: ordered.map(() => 0n), shares: ordered.map(() => 0) };
      for (const credit of credits) {
        const index = ordered.indexOf(credit.touch);
        expected.amounts[index] = credit.amountMinor;
        expected.shares[index] = toNumber(credit.share);
      }
      expect(journeyCredits(amountMinor, ordered, dealContext, modelOptions)).toEqual(expected);
    }), { numRuns: 500 });
  });

  test('collapsing repeats leaves no two consecutive touches with the same key', () => {
    fc.assert(fc.property(touches, context, options, (journey, dealContext, modelOptions) => {
      const keys = journeyShares(journey, dealContext, { ...modelOptions, collapseRepeats: true }).map(({ touch: { key } }) => key);
      keys.forEach((key, index) => expect(index === 0 || key !== keys[index - 1]).toBe(true));
    }));
  });
});
