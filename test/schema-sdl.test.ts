import { lexicographicSortSchema, printSchema } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appSchema } from '../src/schema';

// schema.graphql is the contract front ends and code generators build on. It is printed from the
// code, sorted so that moving code around does not change it; UPDATE_SCHEMA=1 rewrites it.
const file = join(__dirname, '..', 'schema.graphql');

test('schema.graphql is the schema the server serves', () => {
  const printed = `${printSchema(lexicographicSortSchema(appSchema()))}\n`;
  if (process.env.UPDATE_SCHEMA) writeFileSync(file, printed);
  const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (committed !== printed) {
    const line = committed.split('\n').findIndex((text, index) => text !== printed.split('\n')[index]) + 1;
    throw new Error(`schema.graphql is out of date (first difference at line ${line}): run "npm run schema:print" and commit it`);
  }
});
