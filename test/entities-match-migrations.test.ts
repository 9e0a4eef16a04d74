import { createTestDatabase, TestDatabase } from './support/test-database';

let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => { await db.drop(); });

// The migrations are the schema; every entity column must exist there with the same nullability,
// or reads through TypeORM would fail at run time.
test('every entity column exists in the migrated schema with the same nullability', async () => {
  const rows: Array<{ table_name: string; column_name: string; is_nullable: string }> = await db.dataSource.query(
    "SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'");
  const schema = new Map(rows.map((row) => [`${row.table_name}.${row.column_name}`, row.is_nullable === 'YES']));
  const columns = db.dataSource.entityMetadatas.flatMap((entity) =>
    entity.columns.map((column) => ({ column: `${entity.tableName}.${column.databaseName}`, nullable: column.isNullable })));
  expect(columns.length).toBeGreaterThan(80);
  for (const { column, nullable } of columns) expect({ column, nullable: schema.get(column) }).toEqual({ column, nullable });
});
