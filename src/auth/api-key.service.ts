import { DataSource } from 'typeorm';
import { unauthenticated } from '../errors';
import { keyId, matches, newSecret } from './api-key-secret';
import { ApiKeyIdentity, Scope } from './scope';

export interface ApiKeyRow extends ApiKeyIdentity {
  createdAt: Date;
  revokedAt: Date | null;
}

interface CachedKey {
  identity: ApiKeyIdentity;
  sha256: Buffer;
  until: number;
}

const HOW_TO = 'send `Authorization: Bearer <key>`; an admin creates keys with `npx attribution keys create`';

/**
 * Creates, lists, revokes and checks API keys. A checked key is remembered for `cacheMs`, so a busy
 * client costs no query per request; a revocation therefore takes effect within that time.
 */
export class ApiKeyService {
  private readonly cache = new Map<string, CachedKey>();

  constructor(private readonly dataSource: DataSource, private readonly cacheMs = 5_000) {}

  async create(name: string, scope: Scope): Promise<ApiKeyRow & { key: string }> {
    const secret = newSecret();
    const [row] = await this.dataSource.query<ApiKeyRow[]>(
      `INSERT INTO api_keys (id, name, scope, secret_sha256) VALUES ($1, $2, $3, $4)
       RETURNING id, name, scope, created_at AS "createdAt", revoked_at AS "revokedAt"`,
      [secret.id, name.trim(), scope, secret.sha256],
    );
    return { ...row!, key: secret.key };
  }

  list(): Promise<ApiKeyRow[]> {
    return this.dataSource.query(
      `SELECT id, name, scope, created_at AS "createdAt", revoked_at AS "revokedAt" FROM api_keys ORDER BY created_at, id`,
    );
  }

  /** True when the key was active and is now revoked. */
  async revoke(id: string): Promise<boolean> {
    const [{ revoked }] = await this.dataSource.query<Array<{ revoked: boolean }>>(
      `WITH revoked AS (UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id)
       SELECT EXISTS (SELECT 1 FROM revoked) AS revoked`, [id],
    );
    this.cache.delete(id);
    return revoked;
  }

  /** The identity behind an `Authorization` header; UNAUTHENTICATED when there is none. */
  async authenticate(authorization: string | undefined): Promise<ApiKeyIdentity> {
    if (!authorization) throw unauthenticated(`No API key: ${HOW_TO}`);
    const key = /^Bearer +(\S+)$/i.exec(authorization.trim())?.[1];
    if (!key) throw unauthenticated(`Malformed Authorization header: ${HOW_TO}`);
    const id = keyId(key);
    const found = id && await this.lookup(id);
    if (!found || !matches(key, found.sha256)) throw unauthenticated('Unknown or revoked API key');
    return found.identity;
  }

  /** The identity of an active key by its id (cached like `authenticate`): what an export link acts as. */
  async activeKey(id: string): Promise<ApiKeyIdentity | undefined> {
    return (await this.lookup(id))?.identity;
  }

  private async lookup(id: string): Promise<CachedKey | undefined> {
    const cached = this.cache.get(id);
    if (cached && cached.until > Date.now()) return cached;
    const [row] = await this.dataSource.query<Array<ApiKeyIdentity & { sha256: Buffer }>>(
      'SELECT id, name, scope, secret_sha256 AS sha256 FROM api_keys WHERE id = $1 AND revoked_at IS NULL', [id],
    );
    if (!row) {
      this.cache.delete(id);
      return undefined;
    }
    const entry = { identity: { id: row.id, name: row.name, scope: row.scope }, sha256: row.sha256, until: Date.now() + this.cacheMs };
    this.cache.set(id, entry);
    return entry;
  }
}
