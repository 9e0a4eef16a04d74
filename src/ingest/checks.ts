import { Check, columnOf, parsed } from './ingest-kind';
import { UserErrorCode } from './user-error';

// Builders for the checks that several kinds share. Each returns SQL over the staging row `s`.

const column = (field: string) => `s.${columnOf(field)}`;
const quoted = (field: string) => `quote_literal(left(${column(field)}, 80))`;
const list = (values: readonly string[]) => `'{${values.join(',')}}'::text[]`;

export const TIMESTAMP_SKEW = `interval '1 day'`;

export function required(field: string): Check {
  return { field, code: UserErrorCode.REQUIRED, when: `${column(field)} IS NULL`, message: `'${field} is required'` };
}

export function maxLength(field: string, max: number): Check {
  return {
    field,
    code: UserErrorCode.TOO_LONG,
    when: `length(${column(field)}) > ${max}`,
    message: `format('${field} is %s characters long; the limit is ${max}', length(${column(field)}))`,
  };
}

export function timestamp(field: string, { notInFuture = true } = {}): Check[] {
  const checks: Check[] = [
    {
      field,
      code: UserErrorCode.INVALID_TIMESTAMP,
      when: `${column(field)} IS NOT NULL AND ${parsed(field)} IS NULL`,
      message: `format('${field} %s is not an ISO 8601 timestamp (e.g. 2025-03-01T09:30:00Z)', ${quoted(field)})`,
    },
  ];
  if (notInFuture) {
    checks.push({
      field,
      code: UserErrorCode.IN_FUTURE,
      when: `${parsed(field)} > now() + ${TIMESTAMP_SKEW}`,
      message: `format('${field} %s is more than a day in the future', ${quoted(field)})`,
    });
  }
  return checks;
}

export function date(field: string): Check {
  return {
    field,
    code: UserErrorCode.INVALID_DATE,
    when: `${column(field)} IS NOT NULL AND ingest_date(${column(field)}) IS NULL`,
    message: `format('${field} %s is not a date (YYYY-MM-DD)', ${quoted(field)})`,
  };
}

export function oneOf(field: string, values: readonly string[]): Check {
  return {
    field,
    code: UserErrorCode.INVALID_VALUE,
    when: `${column(field)} <> ALL (${list(values)})`,
    message: `format('${field} %s is not one of ${values.join(', ')}', ${quoted(field)})`,
  };
}

export function slug(field: string): Check {
  return {
    field,
    code: UserErrorCode.INVALID_VALUE,
    // A bounded repetition ({0,62}) makes the regex several times slower than this.
    when: `${column(field)} !~ '^[a-z][a-z0-9_]*$' OR length(${column(field)}) > 63`,
    message: `format('${field} %s is not a lower-case slug (letters, digits, underscores; e.g. paid_search)', ${quoted(field)})`,
  };
}

export function boolean(field: string): Check {
  return {
    field,
    code: UserErrorCode.INVALID_VALUE,
    when: `${column(field)} <> ALL ('{true,false}'::text[])`,
    message: `format('${field} %s is not true or false', ${quoted(field)})`,
  };
}

/** A decimal amount of money in `currencyField`'s units; the kind must join currencies as `cur`. */
export function amount(field: string): Check[] {
  const value = column(field);
  return [
    {
      field,
      code: UserErrorCode.NEGATIVE_AMOUNT,
      when: `${value} ~ '^-\\d'`,
      message: `format('${field} %s is negative', ${quoted(field)})`,
    },
    {
      field,
      code: UserErrorCode.INVALID_AMOUNT,
      when: `${value} !~ '^(-?\\d{1,13}(\\.\\d{1,12})?)$'`,
      message: `format('${field} %s is not a decimal amount such as 1234.50', ${quoted(field)})`,
    },
    {
      field,
      code: UserErrorCode.TOO_MANY_DECIMALS,
      when: `CASE WHEN ${value} ~ '^\\d{1,13}(\\.\\d{1,12})?$' AND cur.code IS NOT NULL
             THEN scale(trim_scale(${value}::numeric)) > cur.minor_units END`,
      message: `format('${field} %s has more decimals than %s allows (%s)', ${quoted(field)}, cur.code, cur.minor_units)`,
    },
  ];
}

export function currency(field: string): Check {
  return {
    field,
    code: UserErrorCode.UNKNOWN_CURRENCY,
    when: `${column(field)} IS NOT NULL AND cur.code IS NULL`,
    message: `format('${field} %s is not an ISO 4217 currency code', ${quoted(field)})`,
  };
}

/** `alias` is the kind's LEFT JOIN of the referenced table on this field. */
export function reference(field: string, alias: string, what: string): Check {
  return {
    field,
    code: UserErrorCode.UNKNOWN_REFERENCE,
    when: `${column(field)} IS NOT NULL AND ${alias}.id IS NULL`,
    message: `format('${field}: no ${what} has externalId %s', ${quoted(field)})`,
  };
}

/**
 * LEFT JOINs leads or accounts as `alias` on an externalId, resolved to the record that survives
 * a merge: a merged record's externalId keeps landing on its survivor (merged_into_id always names
 * the last one of a chain). `alias`_named is the record the externalId names.
 */
export function survivorJoin(table: 'leads' | 'accounts', alias: string, externalId: string): string {
  return `LEFT JOIN ${table} ${alias}_named ON ${alias}_named.external_id = ${externalId}
          LEFT JOIN ${table} ${alias} ON ${alias}.id = coalesce(${alias}_named.merged_into_id, ${alias}_named.id)`;
}

/** Rows whose key (one or more fields) appears more than once in the batch. */
export function duplicateKey(table: string, fields: readonly string[], what: string): string {
  const columns = fields.map(columnOf).join(', ');
  const first = fields[fields.length - 1];
  return `
    SELECT s.row_no, '${first}', '${UserErrorCode.DUPLICATE_IN_BATCH}',
           format('${fields.join(' + ')} %s appears %s times in this batch (${what} must be unique)',
                  quote_literal(left(concat_ws(' + ', ${fields.map((f) => column(f)).join(', ')}), 80)), d.n)
    FROM ${table} s
    JOIN (SELECT ${columns}, count(*) AS n FROM ${table} WHERE ${fields.map((f) => `${columnOf(f)} IS NOT NULL`).join(' AND ')}
          GROUP BY ${columns} HAVING count(*) > 1) d USING (${columns})`;
}

/** Exact minor units of a validated decimal amount (e.g. '12.34' USD -> 1234). */
export function minorUnits(value: string, minorUnitsSql: string): string {
  return `(${value}::numeric * power(10::numeric, ${minorUnitsSql}))::bigint`;
}

/** The soft-deletion time an item asks for: now when `deleted` is true. */
export const deletedAt = `CASE WHEN s.deleted = 'true' THEN now() END`;
