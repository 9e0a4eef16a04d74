import type { RecordedRow } from '../../catalog/rows';

/** A single fetch answers null for a missing record, and for a soft-deleted one unless asked for. */
export function visible<Row extends RecordedRow & { mergedIntoId?: string | null }>(row: Row | null, includeDeleted: boolean): Row | null {
  // A merged record is soft-deleted, but stays readable: it says where its data went.
  return row !== null && (includeDeleted || row.deletedAt === null || Boolean(row.mergedIntoId)) ? row : null;
}
