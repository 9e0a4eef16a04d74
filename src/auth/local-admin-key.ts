import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiKeyService } from './api-key.service';
import { Scope } from './scope';

const FILE = 'local-admin-key';

/**
 * The admin key for exploring the embedded database on a developer's machine: created on first start
 * and kept next to the database files (readable by the owner only), so restarts print the same key.
 */
export async function localAdminKey(apiKeys: ApiKeyService, dataDir: string): Promise<string> {
  const file = join(dataDir, FILE);
  const saved = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (saved && (await apiKeys.authenticate(`Bearer ${saved}`).then(() => true, () => false))) return saved;
  const { key } = await apiKeys.create('local admin (embedded database)', Scope.ADMIN);
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
}
