/** What an API key may do. Each scope includes the ones before it: admin > ingest > read. */
export enum Scope {
  READ = 'read',
  INGEST = 'ingest',
  ADMIN = 'admin',
}

export const scopes: readonly Scope[] = [Scope.READ, Scope.INGEST, Scope.ADMIN];

export function isScope(value: string): value is Scope {
  return (scopes as readonly string[]).includes(value);
}

export function grants(held: Scope, needed: Scope): boolean {
  return scopes.indexOf(held) >= scopes.indexOf(needed);
}

/** The key a request was authenticated with; `id` is the public prefix that logs name. */
export interface ApiKeyIdentity {
  id: string;
  name: string;
  scope: Scope;
}
