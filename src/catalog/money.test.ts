import { formatMinorUnits } from './money';

describe('formatMinorUnits', () => {
  test.each([
    ['123450', 2, '1234.50'],
    ['5', 2, '0.05'],
    ['0', 2, '0.00'],
    ['5000', 0, '5000'],
    ['1', 3, '0.001'],
    ['12345', 4, '1.2345'],
    ['-250', 2, '-2.50'],
    ['9223372036854775807', 2, '92233720368547758.07'],
  ])('%s minor units with %i decimals is %s', (amountMinor, minorUnits, expected) => {
    expect(formatMinorUnits(amountMinor, minorUnits)).toBe(expected);
  });
});
