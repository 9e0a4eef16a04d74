import fc from 'fast-check';
import { leakedInternals } from './leaks';

// Values a careless or hostile client sends. Strings that themselves look like leaked internals are
// left out, so that an error message quoting the input is never mistaken for a leak.

/** Text shaped like an injection (SQL, LIKE patterns, JSON, templates, paths) or odd Unicode. */
export const HOSTILE_TEXT = [
  "'; DROP TABLE touches; --", "' OR '1'='1", "') OR 1=1 --", '"; DELETE FROM leads; --', "'); TRUNCATE deals CASCADE; --",
  '%', '%%', '_', '\\', '\\\\', "\\'", '$1', '$$', '$$; DROP TABLE accounts; $$', '::text', '/*', '*/', '--',
  '{"$ne": null}', '${7*7}', '{{7*7}}', '<script>alert(1)</script>', '../../etc/passwd', 'NULL', 'null', 'undefined',
  '\u202e', '\ufeff', 'ʼ', '＇', '😀', 'Ǆ', 'ß', 'İ',
];

const clean = (text: string) => leakedInternals(text).length === 0;

// NUL included: no PostgreSQL text value can hold it, and the server must say so as a client error.
const controlCharacters = fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((code) => String.fromCharCode(code)) });

/** Text around a lone UTF-16 surrogate half, which JSON can carry and no database can store. */
const loneSurrogates = fc.tuple(fc.string({ maxLength: 4 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 4 }))
  .map(([before, half, after]) => `${before}${String.fromCharCode(half)}${after}`);

/** Long text that does not compress, past every text field's stated maximum. */
const incompressible = fc.tuple(fc.integer({ min: 300, max: 3_000 }), fc.integer({ min: 1, max: 1_000 }))
  .map(([length, salt]) => Array.from({ length }, (_, index) => String.fromCharCode(97 + ((index * index + salt * index) % 26))).join(''));

/** JSON objects nested around MAX_JSON_DEPTH (32 for the whole body), the deepest ones refused. */
export const deepJsonObject: fc.Arbitrary<Record<string, unknown>> = fc.integer({ min: 1, max: 40 })
  .map((depth) => Array.from({ length: depth }).reduce<Record<string, unknown>>((inner) => ({ a: inner }), { leaf: 1 }));

/** Any text: hostile, random, odd Unicode, lone surrogates, control characters, empty, very long. */
export const garbageText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_TEXT), weight: 4 },
  { arbitrary: fc.string(), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }), weight: 1 },
  { arbitrary: controlCharacters, weight: 1 },
  { arbitrary: fc.constantFrom('', ' ', '\t\n', '0', '-1', '1e309', 'NaN', 'true'), weight: 2 },
  { arbitrary: fc.integer({ min: 1_000, max: 100_000 }).map((length) => 'x'.repeat(length)), weight: 1 },
  { arbitrary: loneSurrogates, weight: 1 },
  { arbitrary: incompressible, weight: 1 },
).filter(clean);

/** Integers around and beyond every boundary a server might assume (32-bit, 53-bit, zero, negative). */
export const garbageInt: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -3, max: 120 }),
  fc.integer(),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 1e21),
);

export const garbageFloat: fc.Arbitrary<number> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -10, max: 100 }),
  fc.double(),
  fc.constantFrom(0, -0, 5e-324, 1e308, -1e308),
);

/** A value of the wrong type for whatever field it lands in. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  garbageInt,
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string(), { maxKeys: 2 }),
  garbageText.filter((text) => text.length < 100),
);

const timestamps = fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2031-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

/** Timestamps a client might send: valid ones around the data, offsets, and near-misses. */
export const timestampText: fc.Arbitrary<string> = fc.oneof(
  timestamps,
  fc.constantFrom('2025-01-01', '2025-02-30T00:00:00Z', '2025-01-01T25:00:00Z', '2025-01-01T00:00:00+14:00',
    '0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '275760-09-13T00:00:00Z', 'now', 'epoch', 'infinity', '1700000000'),
);

/** Calendar days: valid, impossible and out of range. */
export const dayText: fc.Arbitrary<string> = fc.oneof(
  timestamps.map((timestamp) => timestamp.slice(0, 10)),
  fc.constantFrom('2025-02-29', '2024-02-29', '2025-13-01', '0000-01-01', '99999-01-01', '2025/01/01', '20250101'),
);

/** Decimal amounts: plain, negative, too precise, too large, exponent and locale forms. */
export const amountText: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }).map((cents) => (cents / 100).toFixed(2)),
  fc.constantFrom('0', '-1.00', '0.001', '1e3', '1,000.00', '99999999999999999999999999.99', ' 10', '10.', '.5', '+5', '0x10'),
);

export const currencyText = fc.constantFrom('USD', 'EUR', 'JPY', 'BHD', 'XXX', 'XTS', 'usd', 'US', 'EURO', 'ZZZ');

export const timeZoneText = fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Kiritimati',
  'Mars/Olympus_Mons', '+02:00', 'EST5EDT', 'posix/Europe/Paris', 'localtime', '../../etc/passwd',
  // Zones Node's ICU knows and PostgreSQL's tz database dropped.
  'US/Pacific-New', 'Canada/East-Saskatchewan');
