import './quiet';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../../src/database/data-source';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

// One PostgreSQL for the whole run: the embedded one unless DATABASE_URL names a server. A
// template database gets the migrations once; each test file copies it (CREATE DATABASE ...
// TEMPLATE is fast) and so starts from an empty, migrated schema of its own.
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'attribution-test-'));
    const embedded = await startEmbeddedPostgres(dataDir, false);
    (globalThis as { embeddedPostgres?: { stop(): Promise<void> } }).embeddedPostgres = embedded;
    adminUrl = embedded.url;
  }
  const template = `attribution_template_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();

  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const dataSource = createDataSource({ url: url.toString(), poolSize: 1 });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();

  process.env.TEST_ADMIN_URL = adminUrl;
  process.env.TEST_TEMPLATE_DB = template;
}
