import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { BinaryCopyRows } from '../src/database/binary-copy';
import { withTransaction } from '../src/database/sql';
import { createTestDatabase, TestDatabase } from './support/test-database';

// The refresh sends the credits it computes as binary COPY rows: PostgreSQL must read back exactly
// the ids, minor units and doubles written, at the edges of each encoding and across pieces.
let database: TestDatabase;
beforeAll(async () => { database = await createTestDatabase({ empty: true }); });
afterAll(async () => { await database.drop(); });

async function copied(rows: BinaryCopyRows): Promise<Array<{ id: string; credit: string; share: number }>> {
  return withTransaction(database.dataSource, {}, async (tx) => {
    await tx.query('CREATE TEMP TABLE copied (n serial, id bigint, credit bigint, share float8) ON COMMIT DROP');
    await pipeline(Readable.from(rows.finish()), tx.client.query(copyFrom('COPY copied (id, credit, share) FROM STDIN WITH (FORMAT binary)')));
    return tx.query('SELECT id::text, credit::text, share FROM copied ORDER BY n');
  });
}

test('ids, bigints and doubles come back exactly, at the edges of each encoding', async () => {
  const values: Array<[string, bigint, number]> = [
    ['0', 0n, 0],
    ['1', 1n, 1],
    ['4294967296', 4294967295n, 1 / 3],
    ['999999999999999', 2n ** 53n - 1n, 0.1 + 0.2],
    ['9007199254740993', 2n ** 53n + 1n, 5e-324],
    ['9223372036854775807', 2n ** 63n - 1n, 1e300],
    ['12345678901234567', -1n, 2 ** -60],
    ['42', -(2n ** 63n), 0.5],
  ];
  const rows = new BinaryCopyRows();
  for (const [id, credit, share] of values) {
    rows.row(3);
    rows.int8Digits(id);
    rows.int8(credit);
    rows.float8(share);
  }
  expect(await copied(rows)).toEqual(values.map(([id, credit, share]) => ({ id, credit: String(credit), share })));
});

test('rows spanning many pieces all arrive, in order', async () => {
  const rows = new BinaryCopyRows();
  // 38 bytes a row: about 2.3 MB, three pieces.
  const count = 60_000;
  for (let index = 0; index < count; index += 1) {
    rows.row(3);
    rows.int8Digits(String(index));
    rows.int8(BigInt(index) * 3n);
    rows.float8(index / 7);
  }
  const back = await copied(rows);
  const wrong = back.filter((row, index) => row.id !== String(index) || row.credit !== String(index * 3) || row.share !== index / 7);
  expect(back).toHaveLength(count);
  expect(wrong.slice(0, 3)).toEqual([]);
});

test('timestamps to the microsecond, booleans, text, char and NULLs come back exactly, also across pieces', async () => {
  const times = ['1969-12-31 23:59:59.999999+00', '1999-12-31 23:59:59.000001+00', '2000-01-01 00:00:00+00', '2025-06-02 10:00:00.000900+00'];
  const texts = ['paid_search', 'é / 中文 / 🙂', '', 'x'.repeat(1_500_000)];
  const values = times.map((time, index) => ({ time, flag: index % 2 === 0, text: texts[index], code: index === 3 ? null : 'EUR' }));
  const micros = await database.dataSource.query(
    'SELECT (extract(epoch FROM t::timestamptz) * 1000000)::float8 AS micros FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n', [times]);
  const rows = new BinaryCopyRows();
  values.forEach((value, index) => {
    rows.row(4);
    rows.timestamptz(micros[index].micros);
    rows.bool(value.flag);
    rows.text(value.text);
    if (value.code === null) rows.null();
    else rows.text(value.code);
  });
  const back = await withTransaction(database.dataSource, {}, async (tx) => {
    await tx.query('CREATE TEMP TABLE copied (n serial, at timestamptz, flag boolean, label text, code char(3)) ON COMMIT DROP');
    await pipeline(Readable.from(rows.finish()), tx.client.query(copyFrom('COPY copied (at, flag, label, code) FROM STDIN WITH (FORMAT binary)')));
    return tx.query(`SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS at, flag, label, code FROM copied ORDER BY n`);
  });
  expect(back.map((row: { label: string }) => ({ ...row, label: row.label.slice(0, 20), length: row.label.length }))).toEqual(values.map((value) => ({
    at: value.time.slice(0, 19) + (value.time.includes('.') ? value.time.slice(19, 26) : '.000000'),
    flag: value.flag, label: value.text.slice(0, 20), length: value.text.length, code: value.code,
  })));
});
