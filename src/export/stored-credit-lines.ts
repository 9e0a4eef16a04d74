import QueryStream from 'pg-query-stream';
import type { PoolClient } from 'pg';
import { formatMinorUnits } from '../catalog/money';
import { AttributionRequest } from '../reports/attribution-report.types';
import { SqlParams } from '../database/sql';
import { Cell } from './flat-format';

interface StoredRow {
  model: string; dealExternalId: string; conversionAt: number; amountMinor: string | null; unattributed: boolean;
  touchExternalId: string | null; occurredAt: number | null; channel: string | null; campaignExternalId: string | null;
  sourceMedium: string | null; creditMinor: string; share: number; currency: string; day: string;
}

// Milliseconds since the epoch: far cheaper to parse per row than timestamps.
const epochMs = (timestamp: string) => `(extract(epoch FROM ${timestamp}) * 1000)::float8`;

function storedSql({ scope }: AttributionRequest, models: ReadonlyArray<readonly [string, string]>) {
  const params = new SqlParams();
  const conditions = [`tc.basis = ${params.add(scope.basis)}`];
  if (scope.from) conditions.push(`tc.conversion_at >= ${params.add(scope.from)}`);
  if (scope.to) conditions.push(`tc.conversion_at < ${params.add(scope.to)}`);
  const values = models.map(([model, column]) => `(${params.add(model)}, tc.credit_${column}, tc.share_${column})`);
  const sql = `
    SELECT m.model, d.external_id AS "dealExternalId", ${epochMs('tc.conversion_at')} AS "conversionAt",
           tc.amount_minor::text AS "amountMinor", tc.touch_id IS NULL AS unattributed, t.external_id AS "touchExternalId",
           ${epochMs('t.occurred_at')} AS "occurredAt", tc.channel, c.external_id AS "campaignExternalId",
           tc.source_medium AS "sourceMedium", m.credit::text AS "creditMinor", m.share, d.currency,
           (tc.conversion_at AT TIME ZONE 'UTC')::date::text AS day
    FROM touch_credits tc
    JOIN deals d ON d.id = tc.deal_id
    LEFT JOIN touches t ON t.id = tc.touch_id
    LEFT JOIN campaigns c ON c.id = tc.campaign_id
    CROSS JOIN LATERAL (VALUES ${values.join(', ')}) m(model, credit, share)
    WHERE ${conditions.join(' AND ')}`;
  return { sql, params: params.values };
}

/** Raised with the deal whose amount could not be converted when its credits were stored. */
export class StoredRateMissing extends Error {
  constructor(readonly currency: string, readonly day: string) {
    super(`no FX rate for ${currency} on ${day}`);
  }
}

/**
 * Credit lines of default-option models straight from touch_credits (refreshed by the caller):
 * no journey is credited again, so the export runs at the speed of the query. Lines as in
 * credit-export.ts; an empty journey's line holds the whole amount.
 */
export async function* storedCreditLines(client: PoolClient, request: AttributionRequest, models: ReadonlyArray<readonly [string, string]>,
  minorUnits: number): AsyncGenerator<Cell[][]> {
  const { sql, params } = storedSql(request, models);
  const stream = client.query(new QueryStream(sql, params, { batchSize: 2000 }));
  const { basis, currency } = request.scope;
  const amount = (minor: string) => formatMinorUnits(minor, minorUnits);
  let batch: Cell[][] = [];
  for await (const row of stream as AsyncIterable<StoredRow>) {
    if (row.amountMinor === null) throw new StoredRateMissing(row.currency, row.day);
    const creditMinor = row.unattributed ? row.amountMinor : row.creditMinor;
    batch.push([row.model, basis, row.dealExternalId, new Date(row.conversionAt).toISOString(), currency, amount(row.amountMinor),
      row.amountMinor, row.unattributed, row.touchExternalId, row.occurredAt === null ? null : new Date(row.occurredAt).toISOString(),
      row.channel ?? 'UNATTRIBUTED', row.campaignExternalId, row.sourceMedium, amount(creditMinor), creditMinor,
      row.unattributed ? 1 : row.share]);
    if (batch.length === 1000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
