import { jsonDepth } from './json-depth';

const depthOf = (text: string, max = 100) => jsonDepth(Buffer.from(text), max);

test('counts objects and arrays, not brackets inside strings or escaped quotes', () => {
  expect(depthOf('1')).toBe(0);
  expect(depthOf('{"a":[1,{"b":[]}]}')).toBe(4);
  expect(depthOf('{"a":"[[[{{{"}')).toBe(1);
  expect(depthOf('{"a":"\\"[[[","b":[]}')).toBe(2);
  expect(depthOf('["\\\\",[[]]]')).toBe(3);
});

test('stops one level past the limit, however deep the text goes', () => {
  const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
  expect(depthOf(deep, 32)).toBe(33);
  expect(depthOf(`{"variables":${'['.repeat(32)}${']'.repeat(32)}}`, 32)).toBe(33);
  expect(depthOf(`${'['.repeat(32)}${']'.repeat(32)}`, 32)).toBe(32);
});
