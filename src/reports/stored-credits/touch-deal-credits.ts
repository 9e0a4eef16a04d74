import { ConversionBasis } from '../../attribution/journey';
import { Queryable } from '../../database/sql';

/** What one touch earned in one deal's journey under one stored model, in the reporting currency. */
export interface TouchDealCredit {
  touchId: string;
  dealId: string;
  amountMinor: string;
  share: number;
  currency: string;
  minorUnits: number;
}

/**
 * The stored credits of these touches, per touch, in deal order: one per deal whose journey holds
 * the touch (0 when the model gives it nothing). `column` is a stored model's suffix
 * (stored-credit-models.ts). Deals whose amount could not be converted have no credits to show.
 */
export async function touchDealCredits(db: Queryable, touchIds: readonly string[], column: string, basis: ConversionBasis):
  Promise<Map<string, TouchDealCredit[]>> {
  const rows = await db.query<TouchDealCredit[]>(`
    SELECT tc.touch_id::text AS "touchId", tc.deal_id::text AS "dealId", tc.credit_${column}::text AS "amountMinor",
           tc.share_${column} AS share, tc.currency, cur.minor_units AS "minorUnits"
    FROM touch_credits tc JOIN currencies cur ON cur.code = tc.currency
    WHERE tc.basis = $1 AND tc.touch_id = ANY($2::bigint[]) AND tc.amount_minor IS NOT NULL
    ORDER BY tc.touch_id, tc.deal_id`, [basis, touchIds]);
  const byTouch = new Map<string, TouchDealCredit[]>(touchIds.map((id) => [id, []]));
  for (const row of rows) byTouch.get(row.touchId)?.push(row);
  return byTouch;
}
