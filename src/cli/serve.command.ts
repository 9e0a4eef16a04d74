import { ApiKeyService } from '../auth/api-key.service';
import { localAdminKey } from '../auth/local-admin-key';
import { Config } from '../config';
import { openDatabase } from '../database/database';
import { logger } from '../logger';
import { refreshTouchCredits } from '../reports/stored-credits/touch-credit-refresh';
import { isDatabaseEmpty, seedDemoData } from '../seed';
import { startHttpServer } from '../server';
import { progressBar } from './progress';

const FIRST_QUERY = '{ datasetSummary { campaigns accounts leads touches deals wonDeals } }';

function banner(url: string, databaseUrl: string, embedded: boolean, dataDir: string, key: string | undefined): string {
  const body = JSON.stringify({ query: FIRST_QUERY });
  const authorization = key ? `Bearer ${key}` : 'Bearer <key>';
  return [
    '',
    'Attribution API is ready.',
    `  GraphQL API and workbench: ${url}  (open it in a browser)`,
    `  Dashboard:                 ${new URL('/', url)}`,
    `  Database:                  ${embedded ? `embedded PostgreSQL, data in ${dataDir}/` : 'DATABASE_URL'}`,
    ...(embedded ? [`                             ${databaseUrl}  (psql, or DATABASE_URL for other commands)`] : []),
    key
      ? `  Local admin API key:       ${key}  (kept in ${dataDir}/local-admin-key; the workbench and dashboard use it)`
      : '  API keys:                  create one with `npx attribution keys create --name <name> --scope read`',
    '',
    '  A first query, in the workbench:',
    `    ${FIRST_QUERY}`,
    '  or from a shell:',
    `    curl -s ${url} -H 'content-type: application/json' -H '${`authorization: ${authorization}`}' -d '${body}'`,
    '',
    '  Ctrl-C stops the server (and the embedded database).',
    '',
  ].join('\n');
}

/** `attribution serve`: database, migrations, demo data on an empty database, then the API. */
export async function serve(config: Config): Promise<void> {
  const database = await openDatabase(config);
  try {
    if (config.SEED_ON_EMPTY !== 'none' && (await isDatabaseEmpty(database.dataSource))) {
      logger.info({ size: config.SEED_ON_EMPTY }, 'empty database: loading the demo data');
      const progress = progressBar('rows');
      await seedDemoData(database.dataSource, {
        size: config.SEED_ON_EMPTY,
        onProgress: (done, total, stage) => progress.update(done, total, stage),
      });
      progress.stop();
    }
    // Credits the deals now, so that the first report does not wait for it.
    await refreshTouchCredits(database.dataSource, config.REPORTING_CURRENCY);
  } catch (error) {
    await database.close();
    throw error;
  }
  // Only for exploring the embedded database locally: a production service never hands out keys.
  const key = database.embedded && config.NODE_ENV !== 'production'
    ? await localAdminKey(new ApiKeyService(database.dataSource), config.DATA_DIR)
    : undefined;
  const server = await startHttpServer({
    dataSource: database.dataSource,
    port: config.PORT,
    host: config.HOST,
    config,
    localAdminKey: key,
  }).catch(async (error: unknown) => {
    // A port in use, for one: the embedded PostgreSQL must not outlive the failed start.
    await database.close();
    throw error;
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) process.exit(1); // a second Ctrl-C does not wait
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests');
    // After the announced delay, the drain gives requests 10 s before it closes their connections.
    setTimeout(() => process.exit(1), config.SHUTDOWN_DELAY_MS + 15_000).unref();
    await server.stop();
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(signal));
  // Only once the handlers are in place: a Ctrl-C right after the banner must drain, not kill.
  // On stderr: stdout carries the JSON logs, which a log shipper reads line by line.
  console.error(banner(server.url, database.url, database.embedded, config.DATA_DIR, key));
}
