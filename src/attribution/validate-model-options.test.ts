import { AttributionInputError } from './attribution-input.error';
import { RuleBasedModel, RuleBasedOptions } from './rule-based-model';
import { ConversionBasis } from './journey';
import { journeyShares } from './journey-shares';
import { validateModelOptions } from './validate-model-options';

describe('validateModelOptions', () => {
  test.each<{ name: string; options: RuleBasedOptions; message: string }>([
    {
      name: 'CUSTOM weights summing above 1',
      options: { model: RuleBasedModel.CUSTOM, weights: { FIRST: 0.5, LAST: 0.6 } },
      message: 'CUSTOM weights must be non-negative and sum to 1; got FIRST=0.5, LAST=0.6, LEAD_CREATION=0, '
        + 'OPPORTUNITY_CREATION=0, CLOSED=0, MIDDLE=0 (sum 1.1)',
    },
    {
      name: 'CUSTOM weights summing below 1',
      options: { model: RuleBasedModel.CUSTOM, weights: { MIDDLE: 0.5 } },
      message: 'MIDDLE=0.5 (sum 0.5)',
    },
    {
      name: 'no CUSTOM weights at all',
      options: { model: RuleBasedModel.CUSTOM, weights: {} },
      message: '(sum 0)',
    },
    {
      name: 'a negative CUSTOM weight, even with a sum of 1',
      options: { model: RuleBasedModel.CUSTOM, weights: { FIRST: 1.5, LAST: -0.5 } },
      message: 'FIRST=1.5, LAST=-0.5',
    },
    {
      name: 'a CUSTOM weight that is not a number',
      options: { model: RuleBasedModel.CUSTOM, weights: { FIRST: Number.NaN, LAST: 1 } },
      message: 'FIRST=NaN',
    },
    {
      name: 'a zero half-life',
      options: { model: RuleBasedModel.TIME_DECAY, halfLifeDays: 0 },
      message: 'TIME_DECAY halfLifeDays must be a positive number of days; got 0',
    },
    { name: 'a negative half-life', options: { model: RuleBasedModel.TIME_DECAY, halfLifeDays: -7 }, message: 'got -7' },
    { name: 'an infinite half-life', options: { model: RuleBasedModel.TIME_DECAY, halfLifeDays: Infinity }, message: 'got Infinity' },
  ])('refuses $name', ({ options, message }) => {
    expect(() => validateModelOptions(options)).toThrow(AttributionInputError);
    expect(() => validateModelOptions(options)).toThrow(message);
  });

  test.each<{ name: string; options: RuleBasedOptions }>([
    { name: 'CUSTOM weights summing to 1 within 1e-9', options: { model: RuleBasedModel.CUSTOM, weights: { FIRST: 0.1, LAST: 0.2, MIDDLE: 0.7 + 1e-10 } } },
    { name: 'CUSTOM weights with explicit zeros', options: { model: RuleBasedModel.CUSTOM, weights: { FIRST: 0, CLOSED: 1 } } },
    { name: 'a fractional half-life', options: { model: RuleBasedModel.TIME_DECAY, halfLifeDays: 0.5 } },
    { name: 'the default half-life', options: { model: RuleBasedModel.TIME_DECAY } },
    { name: 'models without options', options: { model: RuleBasedModel.W_SHAPED } },
  ])('accepts $name', ({ options }) => {
    expect(() => validateModelOptions(options)).not.toThrow();
  });

  test('the error carries the BAD_USER_INPUT code', () => {
    const attempt = () => validateModelOptions({ model: RuleBasedModel.CUSTOM, weights: { FIRST: 2 } });
    expect(attempt).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', name: 'AttributionInputError' }));
  });

  test('journeyShares checks the options even for an empty journey', () => {
    const context = { conversionAt: new Date(0), leadCreatedAt: null, dealCreatedAt: new Date(0), closedAt: null, basis: ConversionBasis.PIPELINE };
    expect(() => journeyShares([], context, { model: RuleBasedModel.CUSTOM, weights: { FIRST: 0.9 } })).toThrow(AttributionInputError);
  });
});
