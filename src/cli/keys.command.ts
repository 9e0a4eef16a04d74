import { Command, Option } from 'commander';
import { ApiKeyService } from '../auth/api-key.service';
import { Scope, scopes } from '../auth/scope';
import { loadConfig } from '../config';
import { openDatabase } from '../database/database';

async function withKeys<T>(work: (keys: ApiKeyService) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadConfig());
  try {
    return await work(new ApiKeyService(database.dataSource));
  } finally {
    await database.close();
  }
}

async function create({ name, scope }: { name: string; scope: Scope }): Promise<void> {
  const created = await withKeys((keys) => keys.create(name, scope));
  console.log(`created API key ${created.id} "${created.name}" with scope ${created.scope}.`);
  console.log('The secret is shown only this once; store it now. Send it as `Authorization: Bearer <key>`:');
  console.log(created.key);
}

async function list(): Promise<void> {
  const rows = await withKeys((keys) => keys.list());
  if (rows.length === 0) console.log('no API keys yet: create one with `attribution keys create`');
  for (const row of rows) {
    const state = row.revokedAt ? `revoked ${row.revokedAt.toISOString()}` : 'active';
    console.log(`${row.id}  ${row.scope.padEnd(6)}  ${state.padEnd(32)}  created ${row.createdAt.toISOString()}  ${row.name}`);
  }
}

async function revoke(id: string): Promise<void> {
  if (await withKeys((keys) => keys.revoke(id))) {
    console.log(`revoked ${id}: it is refused within 5 seconds on every running server`);
  } else {
    console.error(`no active API key ${id} (see \`attribution keys list\`)`);
    process.exitCode = 1;
  }
}

/** `attribution keys create|list|revoke`: the secret is printed once and stored only as a hash. */
export function keysCommand(): Command {
  const keys = new Command('keys').description('manage API keys (scopes: read < ingest < admin)');
  keys.command('create').description('create a key and print its secret once')
    .requiredOption('--name <name>', 'who or what holds the key, e.g. "Looker sync"')
    .addOption(new Option('--scope <scope>', 'read: queries; ingest: also ingestion; admin: also scoring rules')
      .choices(scopes).makeOptionMandatory())
    .action(create);
  keys.command('list').description('list keys: id, scope, state, creation, name (never secrets)').action(list);
  keys.command('revoke').description('revoke a key by its id (ak_...)').argument('<id>', 'the key id').action(revoke);
  return keys;
}
