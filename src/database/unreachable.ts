import { QueryRunnerAlreadyReleasedError } from 'typeorm';

// Failures that say the database cannot be reached right now, not that a statement is wrong:
// PostgreSQL's connection exceptions (class 08) and shutdown codes (57P01-57P03), network errors
// while connecting, and the driver's own connection errors, which carry no code. Node writes a
// network error's code into its message too, and the message is what survives when GraphQL
// re-wraps a thrown value it does not recognise as an Error. TypeORM releases a query runner whose
// connection fails between two statements: the next statement then finds it already released.
const SHUTDOWN_CODES = new Set(['57P01', '57P02', '57P03']);
const NETWORK = /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH)\b/;
const DRIVER = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed/;

interface Wrapped {
  code?: unknown;
  message?: unknown;
  originalError?: unknown;
  cause?: unknown;
  driverError?: unknown;
}

/** True when `error`, or an error it wraps (GraphQL, TypeORM, pg-pool), is a lost or refused connection. */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (error instanceof QueryRunnerAlreadyReleasedError) return true;
  const { code, message, originalError, cause, driverError } = error as Wrapped;
  const codeText = typeof code === 'string' ? code : '';
  const messageText = typeof message === 'string' ? message : '';
  return SHUTDOWN_CODES.has(codeText) || codeText.startsWith('08') || NETWORK.test(codeText)
    || NETWORK.test(messageText) || DRIVER.test(messageText)
    || [originalError, cause, driverError].some(isDatabaseUnreachable);
}
