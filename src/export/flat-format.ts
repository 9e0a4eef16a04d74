/** A cell of a flat export: exact amounts travel as strings, counts and ratios as numbers. */
export type Cell = string | number | boolean | null;

/** How a flat export writes its header, rows and a failure that happens after the first byte. */
export interface FlatFormat {
  contentType: string;
  header(columns: readonly string[]): string;
  row(columns: readonly string[], cells: readonly Cell[]): string;
  /** The last line of an export cut short: it cannot be mistaken for data. */
  failure(code: string, message: string): string;
}

// RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes doubled; lines end
// with CRLF. Three lines of code: no library needed for that.
const NEEDS_QUOTES = /[",\r\n]/;
const csvField = (cell: Cell) => {
  const text = cell === null ? '' : String(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csvLine = (cells: readonly Cell[]) => `${cells.map(csvField).join(',')}\r\n`;

export const CSV: FlatFormat = {
  contentType: 'text/csv; charset=utf-8; header=present',
  header: csvLine,
  row: (_columns, cells) => csvLine(cells),
  failure: (code, message) => csvLine([`#ERROR ${code}: ${message}`]),
};

export const JSONL: FlatFormat = {
  contentType: 'application/jsonl; charset=utf-8',
  header: () => '',
  row: (columns, cells) => `${JSON.stringify(Object.fromEntries(columns.map((column, index) => [column, cells[index]])))}\n`,
  failure: (code, message) => `${JSON.stringify({ error: { message, extensions: { code } } })}\n`,
};

export const FORMATS = { csv: CSV, jsonl: JSONL } as const;
export type FormatName = keyof typeof FORMATS;
