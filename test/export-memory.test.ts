import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ApiKeyService } from '../src/auth/api-key.service';
import { Scope } from '../src/auth/scope';
import { refreshTouchCredits } from '../src/reports/stored-credits/touch-credit-refresh';
import { seedDemoData } from '../src/seed';
import { createTestDatabase, TestDatabase } from './support/test-database';

// The credits export streams: a server whose heap is far smaller than the file it sends still
// sends all of it. The built CLI runs in a child process with a small --max-old-space-size: 48 MB,
// as the server itself needs about 30 (at 30 MB it runs out at once; at 40 it did once under load).
const CLI = join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
const HEAP_MB = 48;

let database: TestDatabase;
let server: ChildProcess;
let url: string;
let key: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.dataSource, { size: 'small' });
  await refreshTouchCredits(database.dataSource, 'USD');
  key = (await new ApiKeyService(database.dataSource).create('memory test', Scope.READ)).key;
  const { DATABASE_URL: _unused, ...env } = process.env;
  server = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, CLI, 'serve'], {
    env: { ...env, DATABASE_URL: database.url, SEED_ON_EMPTY: 'none', LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1' },
  });
  let output = '';
  url = await new Promise<string>((resolve, reject) => {
    const listen = (chunk: Buffer) => {
      output += chunk;
      const match = /GraphQL API and workbench:\s+(\S+)/.exec(output);
      if (match) resolve(new URL(match[1]!).origin);
    };
    server.stdout!.on('data', listen);
    server.stderr!.on('data', listen);
    server.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
});

afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGINT');
    await exited;
  }
  await database.drop();
});

test(`a credits export far larger than the server's ${HEAP_MB} MB heap arrives whole`, async () => {
  const models = ['FIRST_TOUCH', 'LAST_TOUCH', 'LAST_NON_DIRECT', 'LINEAR', 'POSITION_BASED', 'U_SHAPED', 'W_SHAPED', 'FULL_PATH',
    'J_SHAPED', 'INVERSE_J', 'TIME_DECAY'];
  const [{ expected }] = await database.dataSource.query(
    `SELECT count(*)::int AS expected FROM reporting.touch_credits WHERE basis = 'PIPELINE'`);
  // A lookback of ten years keeps every touch but is not a default option: journeys stream and are
  // credited one deal at a time, the path that holds the most per row.
  const input = encodeURIComponent(JSON.stringify({ models, basis: 'PIPELINE', lookbackDays: 3650 }));
  const response = await fetch(`${url}/export/credits.csv?input=${input}`, { headers: { authorization: `Bearer ${key}` } });
  expect(response.status).toBe(200);
  // Counted as it arrives: the test keeps no more of the file than the server should.
  let bytes = 0;
  let lines = 0;
  let tail = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    const text = decoder.decode(chunk, { stream: true });
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines += 1;
    tail = (tail + text).slice(-200);
  }
  expect(tail).not.toContain('#ERROR');
  expect(lines).toBe(expected + 1);
  // About 80 MB of CSV: as rows in memory it would be several times that.
  expect(bytes).toBeGreaterThan(1.5 * HEAP_MB * 1024 * 1024);
  expect(server.exitCode).toBeNull();
});
