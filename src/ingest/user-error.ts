/** Why an ingested item was refused. Stable: sync jobs branch on these codes. */
export enum UserErrorCode {
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
  INVALID_VALUE = 'INVALID_VALUE',
  INVALID_TIMESTAMP = 'INVALID_TIMESTAMP',
  INVALID_DATE = 'INVALID_DATE',
  IN_FUTURE = 'IN_FUTURE',
  INVALID_DATE_ORDER = 'INVALID_DATE_ORDER',
  INVALID_AMOUNT = 'INVALID_AMOUNT',
  NEGATIVE_AMOUNT = 'NEGATIVE_AMOUNT',
  TOO_MANY_DECIMALS = 'TOO_MANY_DECIMALS',
  UNKNOWN_CURRENCY = 'UNKNOWN_CURRENCY',
  UNKNOWN_REFERENCE = 'UNKNOWN_REFERENCE',
  DUPLICATE_IN_BATCH = 'DUPLICATE_IN_BATCH',
  CONFLICT = 'CONFLICT',
  INVALID_JSON = 'INVALID_JSON',
  PRIMARY_CONTACT = 'PRIMARY_CONTACT',
  MERGE_CYCLE = 'MERGE_CYCLE',
  TOO_MANY_LEADS = 'TOO_MANY_LEADS',
}

/** One refused field of one item: `row` is the item's index (GraphQL) or line number (CSV). */
export interface ItemError {
  row: number;
  field: string;
  code: UserErrorCode;
  message: string;
}

export interface IngestCounts {
  created: number;
  updated: number;
  unchanged: number;
}
