// What both pages share: the API key and sending the example operations of docs/queries by name.

const KEY_STORAGE = 'attribution-api-key';

export interface ExampleOperation {
  name: string;
  file: string;
  description: string;
  query: string;
  variables: Record<string, string>;
}

/** A GraphQL error the page explains to the user: `code` is the API's error code. */
export class ApiError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

/**
 * The key to send: the local admin key when the server hands it out (developer's machine, loopback
 * only), else one the user entered earlier in this browser.
 */
export async function findApiKey(): Promise<string | null> {
  const local = await fetch('/web/local-key').then((response) => (response.ok ? response.json() : { key: null }));
  return local.key ?? localStorage.getItem(KEY_STORAGE);
}

export function rememberApiKey(key: string): void {
  localStorage.setItem(KEY_STORAGE, key);
}

export async function loadOperations(): Promise<ExampleOperation[]> {
  const response = await fetch('/web/operations.json');
  if (!response.ok) throw new ApiError(`The example operations did not load (HTTP ${response.status}).`, 'HTTP');
  return response.json();
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export async function postGraphQL(body: object, key: string | null, headers: Record<string, string> = {}): Promise<GraphQLBody> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: JSON.stringify(body),
  });
  return response.json();
}

/** Runs one example operation; a GraphQL error becomes an ApiError carrying its code. */
export function operationRunner(operations: ExampleOperation[], key: () => string | null) {
  const byName = new Map(operations.map((operation) => [operation.name, operation.query]));
  return async <T>(name: string, variables: Record<string, unknown>): Promise<T> => {
    const query = byName.get(name);
    if (!query) throw new ApiError(`The operation ${name} is missing from docs/queries.`, 'MISSING_OPERATION');
    const body = await postGraphQL({ query, variables, operationName: name }, key());
    const [error] = body.errors ?? [];
    if (error) throw new ApiError(error.message, error.extensions?.code ?? 'UNKNOWN');
    return body.data as T;
  };
}
