import { ChildProcess, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
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
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _unused, ...rest } = process.env;
  return { ...rest, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', ...env };
}

async function serve(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, [CLI, 'serve'], { env: childEnv(env) });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner in 90 s:\n${output}`)), 90_000);
    child.stdout.on('data', () => {
      const match = /GraphQL API and workbench:\s+(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output };
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
  expect(await stop(first)).toBe(0);

  const second = await serve({ DATA_DIR: dataDir, SEED_ON_EMPTY: 'none' });
  expect(printedKey(second.output())).toBe(key);
  const read = await query(second.url, key, '{ datasetSummary { accounts } }');
  expect(read.data.datasetSummary.accounts).toBe(1);
  expect(await stop(second)).toBe(0);
});

test('a bad setting stops start-up with a message naming the variable', async () => {
  const child = spawn(process.execPath, [CLI, 'serve'], { env: childEnv({ PORT: 'eighty', REPORTING_CURRENCY: 'usd' }) });
  let errors = '';
  child.stderr.on('data', (chunk) => { errors += chunk; });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  expect(code).toBe(1);
  expect(errors).toContain('PORT="eighty"');
  expect(errors).toContain('REPORTING_CURRENCY="usd": must be an upper-case ISO 4217 code such as USD');
});
