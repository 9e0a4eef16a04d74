import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  let now: number;
  const limiter = () => new RateLimiter(3, () => now);
  beforeEach(() => { now = 1_000_000; });

  test('counts down a key\'s budget, then refuses until its minute is over', () => {
    const limits = limiter();
    expect([1, 2, 3, 4].map(() => limits.spend('k').remaining)).toEqual([2, 1, 0, 0]);
    now += 59_500;
    expect(limits.spend('k')).toEqual({ limit: 3, remaining: 0, resetSeconds: 1, refused: true });
    now += 500;
    expect(limits.spend('k')).toEqual({ limit: 3, remaining: 2, resetSeconds: 60, refused: false });
  });

  test('keeps one budget per key', () => {
    const limits = limiter();
    [1, 2, 3, 4].forEach(() => limits.spend('a'));
    expect(limits.spend('b')).toEqual({ limit: 3, remaining: 2, resetSeconds: 60, refused: false });
  });

  test('reports the seconds left in the window, rounded up', () => {
    const limits = limiter();
    limits.spend('k');
    now += 12_300;
    expect(limits.spend('k').resetSeconds).toBe(48);
  });

  test('drops ended windows, so memory holds only recent keys', () => {
    const limits = limiter();
    for (let key = 0; key < 1000; key += 1) limits.spend(`key-${key}`);
    now += 120_000;
    limits.spend('late');
    expect(limits.size).toBe(1);
  });
});
