import DataLoader from 'dataloader';

/** Batches lookups by id into one `WHERE id = ANY($1)` and answers in key order (null when missing). */
export function byIdLoader<Row extends { id: string }>(find: (ids: readonly string[]) => Promise<Row[]>): DataLoader<string, Row | null> {
  return new DataLoader(async (ids) => {
    const rows = new Map((await find(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}
