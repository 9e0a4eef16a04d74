import { AsyncLocalStorage } from 'node:async_hooks';
import type { OperationTypeNode } from 'graphql';

/** What the log line and the metrics say about one request to /graphql, filled in as it is served. */
export interface RequestRecord {
  requestId: string;
  /** `performance.now()` when the request arrived. */
  startedAt: number;
  /** The API key's id, once the request is authenticated. */
  keyId?: string;
  /** The operation's name: null when it has none, unset when no operation was resolved. */
  operationName?: string | null;
  operationType?: OperationTypeNode;
  /** The distinct `extensions.code`s of the errors in the response. */
  errorCodes: Set<string>;
}

// Apollo's plugins see neither Express's request nor its response: they reach the record of the
// request they serve through the async context that the tracking middleware runs the rest of it in.
const records = new AsyncLocalStorage<RequestRecord>();

export function runWithRecord(record: RequestRecord, next: () => void): void {
  records.run(record, next);
}

export function currentRecord(): RequestRecord | undefined {
  return records.getStore();
}
