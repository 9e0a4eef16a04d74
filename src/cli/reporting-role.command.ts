import { Command } from 'commander';
import { loadConfig } from '../config';
import { openDatabase } from '../database/database';
import {
  createReportingRole, DEFAULT_ROLE_STATEMENT_TIMEOUT_MS, dropReportingRole, ReportingRoleError, roleConnectionString,
} from '../reporting/reporting-role';

async function withDatabase(work: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>): Promise<void> {
  const database = await openDatabase(loadConfig());
  try {
    await work(database);
  } catch (error) {
    if (!(error instanceof ReportingRoleError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

async function create(options: { name: string; statementTimeout: string }): Promise<void> {
  await withDatabase(async (database) => {
    const password = await createReportingRole(database.dataSource, options.name, Number(options.statementTimeout));
    console.log(`created PostgreSQL role ${options.name}: it can only read the reporting views (read-only, `
      + `statement timeout ${options.statementTimeout} ms). The password is shown only this once. Connection string:`);
    console.log(roleConnectionString(database.url, options.name, password));
  });
}

async function drop(options: { name: string }): Promise<void> {
  await withDatabase(async (database) => {
    if (await dropReportingRole(database.dataSource, options.name)) {
      console.log(`dropped role ${options.name}`);
    } else {
      console.error(`no role ${options.name}`);
      process.exitCode = 1;
    }
  });
}

/** `attribution reporting-role create|drop`: PostgreSQL logins for BI tools, limited to the reporting views. */
export function reportingRoleCommand(): Command {
  const command = new Command('reporting-role').description('PostgreSQL logins for BI tools that can only read the reporting views');
  command.command('create').description('create a login role and print its postgres:// connection string once')
    .requiredOption('--name <name>', 'role name: lower-case letters, digits, _ (e.g. metabase)')
    .option('--statement-timeout <ms>', 'longest statement the role may run', String(DEFAULT_ROLE_STATEMENT_TIMEOUT_MS))
    .action(create);
  command.command('drop').description('drop a role made by `reporting-role create`')
    .requiredOption('--name <name>', 'role name')
    .action(drop);
  return command;
}
