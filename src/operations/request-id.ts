import { randomUUID } from 'node:crypto';

// An id set by a proxy or a client is kept, so that one id follows a request across services; a long
// one, or one with other characters, would bloat log lines and is replaced.
const SANE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The id of a request: the caller's `x-request-id` when it looks sane, else a random UUID. */
export function chooseRequestId(incoming: string | undefined): string {
  return incoming !== undefined && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
