import type { GraphQLResponse } from './test-app';

export interface RawGraphQLResponse {
  status: number;
  /** The body exactly as sent, for checks on what a client can read. */
  text: string;
  body: GraphQLResponse<any>;
}

/** A request still unanswered after this long has hung: it fails instead of stalling the test. */
const HANG_MS = 30_000;

/** POSTs one GraphQL operation with an API key, keeping the HTTP status and the raw body. */
export async function postGraphQL(url: string, key: string, query: string, variables?: Record<string, unknown>): Promise<RawGraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(HANG_MS),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}
