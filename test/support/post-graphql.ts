import type { GraphQLResponse } from './test-app';

export interface RawGraphQLResponse {
  status: number;
  headers: Headers;
  /** The body exactly as sent, for checks on what a client can read. */
  text: string;
  body: GraphQLResponse<any>;
}

/** A request still unanswered after this long has hung: it fails instead of stalling the test. */
const HANG_MS = 30_000;

/** POSTs a raw JSON body with these headers, keeping the HTTP status, the headers and the raw body. */
export async function postBody(url: string, body: string, headers: Record<string, string>, timeoutMs?: number): Promise<RawGraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
}

/** POSTs one GraphQL operation with an API key; a request that hangs fails the test. */
export function postGraphQL(url: string, key: string, query: string, variables?: Record<string, unknown>): Promise<RawGraphQLResponse> {
  return postBody(url, JSON.stringify({ query, variables }), { authorization: `Bearer ${key}` }, HANG_MS);
}
