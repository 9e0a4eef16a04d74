import type { RecordedRow } from '../../catalog/rows';

/** A single fetch answers null for a missing record, and for a soft-deleted one unless asked for. */
export function visible<Row extends RecordedRow>(row: Row | null, includeDeleted: boolean): Row | null {
  return row !== null && (includeDeleted || row.deletedAt === null) ? row : null;
}
