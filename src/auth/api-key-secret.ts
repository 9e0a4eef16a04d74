import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// A key reads `ak_<12 hex>.<43 base64url chars>`: the part before the dot is its public id (logs and
// `keys list` name it), the whole string is the secret.
const KEY_FORMAT = /^(ak_[0-9a-f]{12})\.[A-Za-z0-9_-]{43}$/;

export interface NewSecret {
  id: string;
  key: string;
  sha256: Buffer;
}

export function newSecret(): NewSecret {
  const id = `ak_${randomBytes(6).toString('hex')}`;
  const key = `${id}.${randomBytes(32).toString('base64url')}`;
  return { id, key, sha256: sha256(key) };
}

export function sha256(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

/** The key's id, or undefined when the string cannot be a key. */
export function keyId(key: string): string | undefined {
  return KEY_FORMAT.exec(key)?.[1];
}

export function matches(key: string, storedSha256: Buffer): boolean {
  return timingSafeEqual(sha256(key), storedSha256);
}
