import { ConfigError } from '../config';
import { StartupError } from '../startup-error';

interface SystemError {
  code?: unknown;
  message?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  syscall?: unknown;
  path?: unknown;
}

/** Host, port, user and database of DATABASE_URL, without the password. */
function describeUrl(url: string | undefined): string {
  if (!url) return 'the embedded PostgreSQL';
  try {
    const parsed = new URL(url);
    return `${parsed.username || 'the default user'}@${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** The error a driver or Node wraps, if any: TypeORM and pg keep it under these names. */
function innermost(error: SystemError & { driverError?: unknown; cause?: unknown }): SystemError {
  const inner = error.driverError ?? error.cause;
  return typeof inner === 'object' && inner !== null ? innermost(inner as SystemError) : error;
}

/**
 * One line for a failure at start-up or in a command: which setting to look at and what to check.
 * Undefined for a failure nobody foresaw: the caller prints its message without the stack.
 */
export function failureMessage(error: unknown, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (error instanceof ConfigError || error instanceof StartupError) return error.message;
  if (typeof error !== 'object' || error === null) return undefined;
  const inner = innermost(error as SystemError);
  const code = typeof inner.code === 'string' ? inner.code : '';
  const message = typeof inner.message === 'string' ? inner.message : '';
  const database = describeUrl(env.DATABASE_URL);
  if (inner.syscall === 'listen' && code === 'EADDRINUSE') {
    return `Port ${String(inner.port)} is already in use (PORT=${env.PORT ?? '4000'}): stop the process that holds it, or set PORT to a free port`;
  }
  if (inner.syscall === 'listen' && (code === 'EACCES' || code === 'EADDRNOTAVAIL')) {
    return `Cannot listen on ${String(inner.address)}:${String(inner.port)} (HOST, PORT): choose a HOST this machine has and a PORT above 1023`;
  }
  if (['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code) || /timeout exceeded when trying to connect/.test(message)) {
    return `Cannot reach PostgreSQL at ${database} (DATABASE_URL): check that the server is running and that the host and port are right`;
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `Cannot resolve the host ${String(inner.hostname)} of DATABASE_URL: check its spelling`;
  }
  if (code === '3D000') return `PostgreSQL has no database as named in DATABASE_URL (${database}): create it, or fix the name`;
  if (code === '28P01' || code === '28000') return `PostgreSQL refused the user of DATABASE_URL (${database}): check the user name and password`;
  if (/Invalid URL|invalid connection string/i.test(message) || code === 'ERR_INVALID_URL') {
    return 'DATABASE_URL is not a valid URL: use postgres://user:password@host:5432/database';
  }
  return undefined;
}
