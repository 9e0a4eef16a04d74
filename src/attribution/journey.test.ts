import { compareIds, orderJourney } from './journey';

const DAY_MS = 86_400_000;

function touch(id: string, day: number) {
  return { id, occurredAt: new Date(Date.UTC(2024, 0, 1) + day * DAY_MS), channel: 'paid', key: 'paid' };
}

describe('compareIds', () => {
  test.each([
    { a: '9', b: '10', sign: -1, why: 'digit strings compare numerically' },
    { a: '10', b: '9', sign: 1, why: 'digit strings compare numerically' },
    { a: '12345678901234567890', b: '12345678901234567891', sign: -1, why: 'beyond 2^53 stays exact' },
    { a: 'a10', b: 'a9', sign: -1, why: 'other strings compare lexically' },
    { a: '20', b: '1:', sign: -1, why: 'digit ids come before all other ids' },
    { a: '1:', b: '1000', sign: 1, why: 'digit ids come before all other ids' },
    { a: '007', b: '7', sign: -1, why: 'numerically equal ids fall back to lexical order' },
    { a: '42', b: '42', sign: 0, why: 'equal ids' },
  ])('$a vs $b: $why', ({ a, b, sign }) => {
    expect(Math.sign(compareIds(a, b))).toBe(sign);
  });
});

describe('orderJourney', () => {
  test('mixed ids at one instant sort the same whatever the input order', () => {
    const ids = ['20', '1000', '1:', 'a', '3'];
    const orders = [ids, [...ids].reverse(), ['1:', '3', 'a', '1000', '20']];
    for (const order of orders) {
      expect(orderJourney(order.map((id) => touch(id, 0))).map(({ id }) => id)).toEqual(['3', '20', '1000', '1:', 'a']);
    }
  });

  test('orders by occurredAt, then id, without touching the input', () => {
    const input = [touch('10', 1), touch('9', 1), touch('1', 2), touch('2', 0)];
    expect(orderJourney(input).map(({ id }) => id)).toEqual(['2', '9', '10', '1']);
    expect(input.map(({ id }) => id)).toEqual(['10', '9', '1', '2']);
  });

  test('touches within one millisecond follow their microseconds when known, else their ids', () => {
    const at = Date.UTC(2024, 0, 1);
    const late = { ...touch('1', 0), occurredMicros: at * 1000 + 900 };
    const early = { ...touch('2', 0), occurredMicros: at * 1000 + 100 };
    expect(orderJourney([late, early]).map(({ id }) => id)).toEqual(['2', '1']);
    expect(orderJourney([touch('2', 0), touch('1', 0)]).map(({ id }) => id)).toEqual(['1', '2']);
  });
});
