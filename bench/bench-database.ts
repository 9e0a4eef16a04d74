import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '../src/database/data-source';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';

export interface BenchDatabase {
  dataSource: DataSource;
  /** Its connection URL, for servers started in other processes. */
  url: string;
  /** Where the server runs: "embedded PostgreSQL" or the DATABASE_URL host. */
  where: string;
  close(): Promise<void>;
}

// Pool: two side-by-side GraphQL requests plus the benchmark's own statements.
const POOL_SIZE = 6;

async function onAdmin(url: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function migrated(url: string): Promise<DataSource> {
  const dataSource = createDataSource({ url, poolSize: POOL_SIZE });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

/** A scratch database on DATABASE_URL's server (dropped afterwards), else a throwaway embedded PostgreSQL. */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `attribution_bench_${randomBytes(4).toString('hex')}`;
    await onAdmin(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const dataSource = await migrated(url.toString());
    return {
      dataSource,
      url: url.toString(),
      where: `${url.hostname} (scratch database ${name})`,
      close: async () => {
        await dataSource.destroy();
        await onAdmin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'attribution-bench-'));
  const embedded = await startEmbeddedPostgres(dir, false);
  const dataSource = await migrated(embedded.url);
  return {
    dataSource,
    url: embedded.url,
    where: 'embedded PostgreSQL',
    close: async () => {
      await dataSource.destroy();
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
