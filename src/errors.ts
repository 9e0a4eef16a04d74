import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AttributionInputError } from './attribution/attribution-input.error';
import { isDatabaseUnreachable } from './database/unreachable';
import { logger } from './logger';

// The one place that makes client-facing errors. Codes are stable: clients branch on them.
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** The HTTP request is not a GraphQL request: its body is not JSON, for one (Apollo's code for the same). */
  BAD_REQUEST = 'BAD_REQUEST',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  /** A report needs an exchange rate that was never recorded. */
  MISSING_FX_RATE = 'MISSING_FX_RATE',
  /** The request is over one of the server's abuse limits (depth, aliases, tokens, cost, page, batch, body). */
  LIMIT_EXCEEDED = 'LIMIT_EXCEEDED',
  /** The API key spent its request budget for the current minute. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** A report ran longer than the statement timeout. */
  TIMEOUT = 'TIMEOUT',
  /** The database is unreachable for now; retrying later is safe. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** Concurrent writes to the same records kept colliding after the server's own retries; nothing was written, and retrying is safe. */
  RETRY_LATER = 'RETRY_LATER',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export function badUserInput(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...details } });
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

export function forbidden(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, ...details } });
}

/**
 * A refusal by one of the abuse limits: the message and extensions name the limit and its value.
 * Whole-request refusals set an HTTP status; a field over a limit (page, batch) stays a field
 * error in a 200 response, beside the fields that did resolve.
 */
export function limitExceeded(limit: string, max: number, actual: number, unit: string, httpStatus?: number): GraphQLError {
  return new GraphQLError(`Request refused: ${unit} ${actual} is over the limit ${limit} = ${max}`, {
    extensions: { code: ErrorCode.LIMIT_EXCEEDED, limit, max, actual, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
  });
}

/**
 * The API key (or, for requests without a valid key, the client address) spent its requests for
 * the current window; the Retry-After header says when the next one opens.
 */
export function rateLimited(limit: string, max: number, retryAfterSeconds: number, per = 'API key'): GraphQLError {
  return new GraphQLError(`Request refused: over the limit ${limit} = ${max} requests per ${per} per minute; retry in ${retryAfterSeconds} s`, {
    extensions: { code: ErrorCode.RATE_LIMITED, limit, max, retryAfterSeconds, http: { status: 429 } },
  });
}

export function badRequest(message: string, httpStatus = 400): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_REQUEST, http: { status: httpStatus } } });
}

/** The body form of an error made here for a response sent outside Apollo: its HTTP status belongs in the head. */
export function toClientError(error: GraphQLError): GraphQLFormattedError {
  const { http: _http, ...extensions } = error.extensions;
  return { message: error.message, extensions };
}

export function missingFxRate(currency: string, day: string, into: string): GraphQLError {
  return new GraphQLError(
    `No FX rate for ${currency} on or before ${day}: record one with recordFxRates to convert ${currency} into ${into}`,
    { extensions: { code: ErrorCode.MISSING_FX_RATE, currency, date: day } },
  );
}

/** A report cancelled by its statement timeout: the message and extensions name the limit and its value. */
export function reportTimeout(maxMs: number): GraphQLError {
  return new GraphQLError(`Report cancelled: it ran longer than REPORT_STATEMENT_TIMEOUT_MS = ${maxMs} ms`,
    { extensions: { code: ErrorCode.TIMEOUT, limit: 'REPORT_STATEMENT_TIMEOUT_MS', max: maxMs } });
}

/** A batch that lost every one of its attempts to concurrent batches over the same records. */
export function retryLater(what: string, attempts: number): GraphQLError {
  return new GraphQLError(
    `${what}: concurrent batches over the same records collided ${attempts} times; nothing was written, retry in a moment (with the same idempotencyKey, a retry is always safe)`,
    { extensions: { code: ErrorCode.RETRY_LATER, attempts } },
  );
}

const DATABASE_UNAVAILABLE = 'The database is unavailable right now; retry in a few seconds (ingestion is idempotent, so retrying a batch is safe)';

// Codes the server itself produces for bad requests (parse, validation, variables) pass through.
const clientCodes = new Set<unknown>([
  ErrorCode.BAD_USER_INPUT, ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.MISSING_FX_RATE,
  ErrorCode.LIMIT_EXCEEDED, ErrorCode.RATE_LIMITED, ErrorCode.TIMEOUT, ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.RETRY_LATER,
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', ErrorCode.BAD_REQUEST, 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
]);

// graphql's parser gives up on a document over parseOptions.maxLexicalTokens (MAX_QUERY_TOKENS) with this syntax error.
const tooManyTokens = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\./;
// Apollo refuses an unknown extensions.persistedQuery.version with this message and no code.
const PERSISTED_QUERY_VERSION = 'Unsupported persisted query version';

/**
 * For a failure before execution (authentication reads the database): a lost connection becomes a
 * 503 SERVICE_UNAVAILABLE that says to retry; anything else is rethrown as it is.
 */
export function rethrowAsUnavailable(error: unknown): never {
  if (!isDatabaseUnreachable(error)) throw error;
  logger.warn({ err: error }, 'database unavailable');
  throw new GraphQLError(DATABASE_UNAVAILABLE, { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } } });
}

// PostgreSQL's refusals of U+0000, the one character a JSON string can hold and a text value cannot.
const NUL_REFUSED = new Set<unknown>(['22021', '22P05']);

/** The message of an error that is the client's mistake although it surfaced inside the server. */
function clientMistake(error: unknown): string | undefined {
  // The pure attribution engine reports bad options without knowing GraphQL.
  if (error instanceof AttributionInputError) return error.message;
  // graphql-js checks some arguments only while executing (an explicit null for a non-null
  // argument with a default): its refusal names the argument but carries no code.
  if (error instanceof GraphQLError && !error.originalError && error.message.startsWith('Argument "')) return error.message;
  if (NUL_REFUSED.has((error as { code?: unknown } | undefined)?.code)) return 'Text values cannot contain the NUL character (U+0000)';
  return undefined;
}

/**
 * Apollo's formatError: anything that is not a deliberate client error is logged in full and
 * replaced by a generic message, so that SQL, stack traces and internals never reach a client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const tokens = tooManyTokens.exec(formatted.message);
  if (tokens) return toClientError(limitExceeded('MAX_QUERY_TOKENS', Number(tokens[1]), Number(tokens[1]) + 1, 'token count (parsing stopped at)'));
  if (formatted.message === PERSISTED_QUERY_VERSION) {
    return toClientError(badRequest('extensions.persistedQuery.version must be 1, the only persisted query version this server supports'));
  }
  const code = formatted.extensions?.code;
  if (clientCodes.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const original = unwrapResolverError(error);
  const mistake = clientMistake(original);
  if (mistake !== undefined) {
    return { message: mistake, locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  const requestId = (original as { requestId?: string } | undefined)?.requestId;
  // A lost database is an outage, not a bug: the client learns that a retry will do.
  const unavailable = isDatabaseUnreachable(original);
  if (unavailable) logger.warn({ err: original, path: formatted.path }, 'database unavailable');
  else logger.error({ err: original, path: formatted.path }, 'internal error');
  return {
    message: unavailable ? DATABASE_UNAVAILABLE : 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: unavailable ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
  };
}
