#!/usr/bin/env node
import 'reflect-metadata';
import { Command, Option } from 'commander';
import { loadConfig } from '../config';
import { openDatabase } from '../database/database';
import { CsvKind, ingestKinds } from '../ingest/kinds';
import { refreshTouchCredits } from '../reports/stored-credits/touch-credit-refresh';
import { seedDemoData } from '../seed';
import { failureMessage } from './failure-message';
import { importFile } from './import.command';
import { keysCommand } from './keys.command';
import { progressBar } from './progress';
import { refresh } from './refresh.command';
import { reportingRoleCommand } from './reporting-role.command';
import { serve } from './serve.command';

async function migrate(): Promise<void> {
  const database = await openDatabase(loadConfig());
  await database.close();
  console.log('migrations are up to date');
}

async function seed(size: 'small' | 'large'): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const progress = progressBar('rows');
  try {
    const summary = await seedDemoData(database.dataSource, {
      size,
      onProgress: (done, total, stage) => progress.update(done, total, stage),
    });
    progress.stop();
    await refreshTouchCredits(database.dataSource, config.REPORTING_CURRENCY);
    console.log(`demo data (${size}) loaded:`, summary);
  } finally {
    await database.close();
  }
}

const program = new Command('attribution')
  .description('Attribution API: exact, explainable B2B marketing attribution over GraphQL.\n'
    + 'Settings come from environment variables (see README); without DATABASE_URL an embedded PostgreSQL is used.');

program.command('serve').description('migrate, load demo data into an empty database, and serve GraphQL')
  .action(() => serve(loadConfig()));

program.command('migrate').description('apply pending database migrations').action(migrate);

program.command('seed').description('load the deterministic demo dataset (idempotent)')
  .addOption(new Option('--size <size>', 'small: ~50k touches; large: ~1M touches').choices(['small', 'large']).default('small'))
  .action((options: { size: 'small' | 'large' }) => seed(options.size));

program.command('import').description('import a CSV file (header = field names; see README), all-or-nothing by default')
  .addArgument(program.createArgument('<kind>', 'what the file holds').choices(Object.keys(ingestKinds)))
  .argument('<file>', 'path of the CSV file')
  .option('--skip-invalid', 'write the valid rows and put the invalid ones in a rejects file')
  .option('--rejects <path>', 'where to write rejected rows (default: <file>.rejects.csv)')
  .action(async (kind: CsvKind, file: string, options: { skipInvalid?: boolean; rejects?: string }) => {
    process.exitCode = await importFile(loadConfig(), kind, file, options);
  });

program.addCommand(keysCommand());

program.command('refresh').description('bring stored credits, journey keys and lead scores up to date (what the reporting views read)')
  .action(refresh);

program.addCommand(reportingRoleCommand());

// One line that says what to check; the stack only when asked for (LOG_LEVEL=debug or trace).
program.parseAsync().catch((error: unknown) => {
  const verbose = ['debug', 'trace'].includes(process.env.LOG_LEVEL ?? '');
  const explained = failureMessage(error);
  if (explained && !verbose) console.error(explained);
  else if (verbose) console.error(error);
  else console.error(`attribution: ${error instanceof Error ? error.message : String(error)} (LOG_LEVEL=debug shows the details)`);
  process.exit(1);
});
