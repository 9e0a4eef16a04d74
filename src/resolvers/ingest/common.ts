// Descriptions shared by several ingestion inputs.
export const EXTERNAL_ID = "The record's id in the source system (CRM or marketing automation): the key that makes a re-sent item update instead of duplicate. At most 255 characters.";
export const IDEMPOTENCY_KEY = 'Optional key chosen by the caller, unique per batch: a retry with the same key and the same items returns the first result without writing again; the same key with other items is BAD_USER_INPUT. A refused batch does not use up its key. At most 255 characters. Retrying with the same key is safe whatever happened to the first attempt (a timeout, a lost connection, SERVICE_UNAVAILABLE or RETRY_LATER): a batch that did commit is answered from its stored result, one that did not runs.';
export const DELETED = 'True to soft-delete the record (it stays stored, with its deletion time, for "as of" reports); omitted or false restores it.';
export const TIMESTAMP = 'ISO 8601 timestamp with an offset (stored in UTC). At most one day in the future.';
export const DATE = 'Calendar date, YYYY-MM-DD.';
export const AMOUNT = 'Exact decimal amount as a string, with at most as many decimals as the currency has minor units (e.g. "1234.50" USD, "5000" JPY). Never negative.';
export const CURRENCY = 'ISO 4217 currency code, upper case (e.g. USD, EUR, JPY).';
