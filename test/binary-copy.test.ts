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
