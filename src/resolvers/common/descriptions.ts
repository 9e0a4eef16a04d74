// Descriptions shared by several read types and arguments.
export const GLOBAL_ID = 'Opaque global id of the record (it encodes its type). Stable: store it, pass it back to node(id:) or to filters.';
export const EXTERNAL_ID = "The record's id in the source system (CRM or marketing automation), as ingested.";
export const INCLUDE_DELETED = 'True to include soft-deleted records (their deletedAt is set). Default false.';
export const INCLUDE_DELETED_ONE = 'True to return the record even if it is soft-deleted (its deletedAt is set). Default false: a soft-deleted record reads as null, except a merged lead or account, which stays readable with its mergedInto.';
export const ORDER_DIRECTION = 'ASC for ascending (oldest, smallest, A first), DESC for descending. Default ASC.';
export const CHANNEL = 'Channel slug: lower case, digits and underscores, e.g. paid_search, email, webinar, direct.';
export const CHANNEL_FILTER = 'Only these channel slugs (one or more), e.g. ["paid_search", "email"].';
export const NAME_PREFIX = 'Only names that start with this text, ignoring case (no wildcards).';
export const ID_ARG = (type: string) => `Global id of the ${type} (its id field).`;
export const EXTERNAL_ID_ARG = (type: string) => `externalId of the ${type}: its id in the source system.`;
