import { ChildProcess, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { AddressInfo, createServer } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase } from './support/test-database';

// The service as a newcomer runs it: the built CLI in a child process (npm test builds first).
const CLI = join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  stdout: () => string;
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _unused, ...rest } = process.env;
  return { ...rest, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', ...env };
}

async function serve(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, [CLI, 'serve'], { env: childEnv(env) });
  let output = '';
  let stdout = '';
  child.stdout.on('data', (chunk) => { output += chunk; stdout += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner in 90 s:\n${output}`)), 90_000);
    // The banner goes to stderr, so that stdout carries only the JSON logs.
    child.stderr.on('data', () => {
      const match = /GraphQL API and workbench:\s+(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output, stdout: () => stdout };
}

async function stop({ child }: Running): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.kill('SIGINT');
  return exited;
}

async function query(url: string, key: string, query: string) {
  const response = await fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query }),
  });
  return response.json() as Promise<{ data?: any; errors?: Array<{ extensions: { code: string } }> }>;
}

/** Runs `attribution <args>` to completion. */
async function cli(args: string[], env: Record<string, string>) {
  return promisify(execFile)(process.execPath, [CLI, ...args], { env: childEnv(env) });
}

const printedKey = (output: string) => /Local admin API key:\s+(ak_\S+)/.exec(output)?.[1];

describe('attribution serve', () => {
  let database: TestDatabase;
  beforeAll(async () => { database = await createTestDatabase({ empty: true }); });
  afterAll(async () => { await database.drop(); });

  test('on an empty database: migrates, loads the demo data, answers the first query, and stops cleanly on Ctrl-C', async () => {
    await database.dataSource.destroy();
    const running = await serve({ DATABASE_URL: database.url, SEED_ON_EMPTY: 'small' });
    expect(running.output()).toContain('{ datasetSummary { campaigns accounts leads touches deals wonDeals } }');
    expect(printedKey(running.output())).toBeUndefined();
    const created = await cli(['keys', 'create', '--name', 'BI tool', '--scope', 'read'], { DATABASE_URL: database.url });
    const key = /^ak_\S+$/m.exec(created.stdout)![0];
    const summary = await query(running.url, key, '{ datasetSummary { campaigns leads touches deals wonDeals } }');
    expect(summary.data.datasetSummary.touches).toBeGreaterThan(40_000);
    expect(summary.data.datasetSummary.wonDeals).toBeGreaterThan(100);
    const report = await query(running.url, key, '{ attribution(input: { model: W_SHAPED }) { total { amount } rows { key } } }');
    expect(report.data.attribution.rows.length).toBeGreaterThan(5);

    const id = key.split('.')[0];
    const listed = (await cli(['keys', 'list'], { DATABASE_URL: database.url })).stdout;
    expect(listed).toMatch(new RegExp(`^${id}\\s+read\\s+active\\s+created \\S+\\s+BI tool$`, 'm'));
    expect(listed).not.toContain(key.split('.')[1]);
    expect((await cli(['keys', 'revoke', id], { DATABASE_URL: database.url })).stdout).toContain(`revoked ${id}`);
    await expect(cli(['keys', 'revoke', id], { DATABASE_URL: database.url })).rejects.toMatchObject({ code: 1 });
    // The running server remembers a checked key for up to 5 s.
    let refused = false;
    for (let waited = 0; !refused && waited < 10_000; waited += 500) {
      refused = (await query(running.url, key, '{ datasetSummary { leads } }')).errors?.[0]?.extensions.code === 'UNAUTHENTICATED';
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(refused).toBe(true);
    expect(await stop(running)).toBe(0);
  }, 150_000);
});

test('without DATABASE_URL: an embedded PostgreSQL whose data survives a restart', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'attribution-cli-'));
  const first = await serve({ DATA_DIR: dataDir, SEED_ON_EMPTY: 'none' });
  expect(first.output()).toContain(`embedded PostgreSQL, data in ${dataDir}/`);
  const key = printedKey(first.output())!;
  expect(first.output()).toContain(`-H 'authorization: Bearer ${key}'`);
  const written = await query(first.url, key, 'mutation { upsertAccounts(input: { accounts: [{ externalId: "KEEP", name: "Kept" }] }) { created } }');
  expect(written.data.upsertAccounts.created).toBe(1);
  // A second process cannot open the running server's data folder: it says so at once, with the URL to use.
  const busy = await cli(['keys', 'list'], { DATA_DIR: dataDir }).catch((error: { code: number; stderr: string }) => error);
  expect(busy).toMatchObject({ code: 1, stderr: expect.stringMatching(/is in use by a running server .* or run this command with DATABASE_URL=postgres:\/\/\S+@127\.0\.0\.1:\d+\/attribution/) });
  const urlFromBanner = /^\s+(postgres:\/\/\S+)\s+\(psql/m.exec(first.output())![1];
  expect((await cli(['keys', 'list'], { DATABASE_URL: urlFromBanner })).stdout).toMatch(/^ak_\S+\s+admin\s+active/m);
  expect(await stop(first)).toBe(0);

  const second = await serve({ DATA_DIR: dataDir, SEED_ON_EMPTY: 'none' });
  expect(printedKey(second.output())).toBe(key);
  const read = await query(second.url, key, '{ datasetSummary { accounts } }');
  expect(read.data.datasetSummary.accounts).toBe(1);
  expect(await stop(second)).toBe(0);
}, 150_000);

test('a bad setting stops start-up with a message naming the variable', async () => {
  const child = spawn(process.execPath, [CLI, 'serve'], { env: childEnv({ PORT: 'eighty', REPORTING_CURRENCY: 'usd' }) });
  let errors = '';
  child.stderr.on('data', (chunk) => { errors += chunk; });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  expect(code).toBe(1);
  expect(errors).toContain('PORT="eighty"');
  expect(errors).toContain('REPORTING_CURRENCY="usd": must be an upper-case ISO 4217 code such as USD');
});

describe('start-up failures are one line naming the setting, exit 1, no stack trace', () => {
  let database: TestDatabase;
  beforeAll(async () => { database = await createTestDatabase(); });
  afterAll(async () => { await database.drop(); });

  const failure = (args: string[], env: Record<string, string>) =>
    cli(args, env).then(() => { throw new Error('the command succeeded'); }, (error: { code: number; stderr: string }) => error);
  const withUrl = (change: (url: URL) => void) => {
    const url = new URL(database.url);
    change(url);
    return url.toString();
  };

  test.each([
    ['an unreachable database', () => withUrl((url) => { url.port = '1'; }), /^Cannot reach PostgreSQL at \S+:1\/\S+ \(DATABASE_URL\): check that the server is running/],
    ['a wrong database name', () => withUrl((url) => { url.pathname = '/no_such_database'; }), /^PostgreSQL has no database as named in DATABASE_URL \(\S+\/no_such_database\)/],
    ['a wrong user', () => withUrl((url) => { url.username = 'no_such_user'; }), /^PostgreSQL refused the user of DATABASE_URL \(no_such_user@/],
    ['an unknown host', () => withUrl((url) => { url.hostname = 'no-such-host.invalid'; }), /^Cannot resolve the host no-such-host.invalid of DATABASE_URL/],
    ['a malformed URL', () => 'postgres://user:pa:ss@[bad/attribution', /DATABASE_URL is not a valid URL/],
  ])('%s', async (_case, url, message) => {
    const failed = await failure(['keys', 'list'], { DATABASE_URL: url() });
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
  }, 30_000);

  test.each([
    ['a missing file', '/no/such/file.csv', '/no/such/file.csv: no such file'],
    ['a folder', tmpdir(), `${tmpdir()} is a folder: give the path of a CSV file`],
  ])('import of %s', async (_case, path, message) => {
    const failed = await failure(['import', 'touches', path], { DATABASE_URL: database.url });
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n')).toEqual([message]);
  });

  test('a port in use', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const failed = await failure(['serve'], { DATABASE_URL: database.url, SEED_ON_EMPTY: 'none', PORT: String(port) });
      expect(failed.code).toBe(1);
      expect(failed.stderr.trim().split('\n')).toEqual([`Port ${port} is already in use (PORT=${port}): stop the process that holds it, or set PORT to a free port`]);
    } finally {
      holder.close();
    }
  }, 60_000);

  test('stdout holds only JSON log lines; the banner is on stderr', async () => {
    const running = await serve({ DATABASE_URL: database.url, SEED_ON_EMPTY: 'none', LOG_LEVEL: 'info' });
    expect(await stop(running)).toBe(0);
    const stdout = running.stdout().trim().split('\n').filter(Boolean);
    expect(stdout.length).toBeGreaterThan(0);
    expect(stdout.filter((line) => { try { JSON.parse(line); return false; } catch { return true; } })).toEqual([]);
    expect(running.output()).toContain('Attribution API is ready.');
  }, 60_000);
});
