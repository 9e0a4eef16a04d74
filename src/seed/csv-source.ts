import { Readable } from 'node:stream';

/** The rows of one CSV kind, produced lazily: `lines` are CSV records ending in a newline. */
export interface CsvSource {
  header: readonly string[];
  /** How many lines `lines` yields (for progress). */
  total: number;
  lines: () => Iterable<string>;
}

const CHUNK_ROWS = 5_000;

/** A CSV field: quoted only when it has to be. */
export function csvText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The source as a byte stream of a few thousand rows per chunk; `onRows` gets the rows written so far. */
export function csvReadable(source: CsvSource, onRows?: (done: number) => void): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    yield Buffer.from(`${source.header.join(',')}\n`);
    let batch: string[] = [];
    let done = 0;
    for (const line of source.lines()) {
      batch.push(line);
      if (batch.length < CHUNK_ROWS) continue;
      yield Buffer.from(batch.join(''));
      done += batch.length;
      batch = [];
      onRows?.(done);
    }
    if (batch.length > 0) yield Buffer.from(batch.join(''));
    onRows?.(done + batch.length);
  }
  return Readable.from(chunks(), { objectMode: false });
}
