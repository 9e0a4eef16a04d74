import { currency, date, duplicateKey, required } from '../checks';
import { IngestKind, stagingTable } from '../ingest-kind';
import { countsSql, staleDealsSql } from '../upsert-sql';
import { UserErrorCode } from '../user-error';

const name = 'rates';
const stage = stagingTable({ name } as IngestKind);

/** Units of the reporting currency per unit of `currency`, in force from `date` on. */
export const fxRates: IngestKind = {
  name,
  fields: ['currency', 'date', 'rate'],
  joins: 'LEFT JOIN currencies cur ON cur.code = s.currency',
  checks: [
    required('currency'),
    currency('currency'),
    required('date'),
    date('date'),
    required('rate'),
    {
      field: 'rate',
      code: UserErrorCode.INVALID_AMOUNT,
      when: `CASE WHEN s.rate ~ '^\\d{1,12}(\\.\\d{1,12})?$' THEN s.rate::numeric = 0 ELSE true END`,
      message: `format('rate %s is not a positive decimal with at most 12 decimals (e.g. 1.0845)', quote_literal(left(s.rate, 80)))`,
    },
  ],
  extraChecks: [duplicateKey(stage, ['currency', 'date'], 'one rate per currency and day')],
  merge: [
    `WITH up AS (
       INSERT INTO fx_rates AS t (currency, rate_date, rate)
       SELECT s.currency, ingest_date(s.date), s.rate::numeric FROM ${stage} s
       ON CONFLICT (currency, rate_date) DO UPDATE SET rate = excluded.rate, deleted_at = NULL, updated_at = now()
       WHERE (t.rate, t.deleted_at IS NULL) IS DISTINCT FROM (excluded.rate, true)
       RETURNING t.currency, (t.xmax = 0) AS inserted
     ),
     stale AS (${staleDealsSql('SELECT id FROM deals WHERE currency IN (SELECT currency FROM up)')})
     ${countsSql('up')}`,
  ],
};
