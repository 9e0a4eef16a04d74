import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

// Role names become SQL identifiers: lower-case letters, digits and underscores only, so they
// need no quoting and cannot collide with PostgreSQL's reserved pg_ prefix.
const ROLE_NAME = /^(?!pg_)[a-z][a-z0-9_]{0,62}$/;

export const DEFAULT_ROLE_STATEMENT_TIMEOUT_MS = 60_000;

export class ReportingRoleError extends Error {}

function checkedName(name: string): string {
  if (!ROLE_NAME.test(name)) {
    throw new ReportingRoleError(`role name ${JSON.stringify(name)}: use 1-63 lower-case letters, digits or _, starting with a letter (not pg_)`);
  }
  return name;
}

/** The database URL with the role's credentials in place of the service's. */
export function roleConnectionString(databaseUrl: string, name: string, password: string): string {
  const url = new URL(databaseUrl);
  url.username = name;
  url.password = password;
  url.protocol = 'postgres:';
  return url.toString();
}

/**
 * Creates a LOGIN role that can read the `reporting` views and nothing else: USAGE on that schema
 * and SELECT on its views (now and those later migrations add), no other grant, read-only
 * transactions by default, a statement timeout of its own. The views read the tables with their
 * owner's rights, so the role needs none on them. Returns the generated password.
 */
export async function createReportingRole(dataSource: DataSource, name: string,
  statementTimeoutMs = DEFAULT_ROLE_STATEMENT_TIMEOUT_MS): Promise<string> {
  const role = checkedName(name);
  if (!Number.isInteger(statementTimeoutMs) || statementTimeoutMs < 1) {
    throw new ReportingRoleError(`statement timeout ${statementTimeoutMs}: give a whole number of milliseconds above 0`);
  }
  const [{ exists }] = await dataSource.query('SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists', [role]);
  if (exists) throw new ReportingRoleError(`role ${role} already exists: drop it first or choose another name`);
  // Hex: safe inside a SQL literal and a URL without escaping.
  const password = randomBytes(24).toString('hex');
  await dataSource.transaction(async (manager) => {
    const [{ database }] = await manager.query('SELECT current_database() AS database');
    await manager.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`);
    await manager.query(`ALTER ROLE ${role} SET statement_timeout = ${statementTimeoutMs}`);
    await manager.query(`ALTER ROLE ${role} SET default_transaction_read_only = on`);
    await manager.query(`ALTER ROLE ${role} SET search_path = reporting`);
    await manager.query(`GRANT CONNECT ON DATABASE "${database.replace(/"/g, '""')}" TO ${role}`);
    await manager.query(`GRANT USAGE ON SCHEMA reporting TO ${role}`);
    await manager.query(`GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO ${role}`);
    await manager.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO ${role}`);
  });
  return password;
}

/** Drops a role made by createReportingRole, with its grants in this database. False when there was none. */
export async function dropReportingRole(dataSource: DataSource, name: string): Promise<boolean> {
  const role = checkedName(name);
  const [{ exists }] = await dataSource.query('SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists', [role]);
  if (!exists) return false;
  await dataSource.transaction(async (manager) => {
    await manager.query(`DROP OWNED BY ${role}`);
    await manager.query(`DROP ROLE ${role}`);
  });
  return true;
}
