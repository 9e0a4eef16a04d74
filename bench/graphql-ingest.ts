import { SeededRandom } from '../src/seed/random';
import { benchTouch } from './bench-data';

export interface GraphqlIngestOptions {
  url: string;
  /** An API key with scope ingest. */
  key: string;
  rows: number;
  batchSize: number;
  /** Requests in flight at once. */
  concurrency: number;
  seed: number;
}

const RECORD_TOUCHES = `mutation Record($input: RecordTouchesInput!) {
  recordTouches(input: $input) { created updated unchanged userErrors { code message } }
}`;

interface RecordTouchesResponse {
  data?: { recordTouches: { created: number; userErrors: Array<{ code: string; message: string }> } };
  errors?: Array<{ message: string }>;
}

async function send(url: string, key: string, body: string): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body });
  const result = (await response.json()) as RecordTouchesResponse;
  const problem = result.errors?.[0]?.message ?? result.data?.recordTouches.userErrors[0]?.message;
  if (problem || !result.data) throw new Error(`recordTouches failed (HTTP ${response.status}): ${problem ?? 'no data'}`);
  return result.data.recordTouches.created;
}

/** Sends `rows` new touches (G-0000001 ...) in batches; returns how many were created. */
export async function recordTouchesOverHttp({ url, key, rows, batchSize, concurrency, seed }: GraphqlIngestOptions): Promise<number> {
  const random = new SeededRandom(seed);
  let sent = 0;
  let created = 0;
  // Bodies are built when a request slot frees up, in order, so the items are the same whatever the concurrency.
  const nextBody = () => {
    const count = Math.min(batchSize, rows - sent);
    const touches = Array.from({ length: count }, (_, index) => benchTouch(random, 'G', sent + index + 1));
    sent += count;
    return JSON.stringify({ query: RECORD_TOUCHES, variables: { input: { touches } } });
  };
  const worker = async () => {
    while (sent < rows) {
      const written = await send(url, key, nextBody());
      created += written;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return created;
}
