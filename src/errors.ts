import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AttributionInputError } from './attribution/attribution-input.error';
import { logger } from './logger';

// The one place that makes client-facing errors. Codes are stable: clients branch on them.
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  /** A report needs an exchange rate that was never recorded. */
  MISSING_FX_RATE = 'MISSING_FX_RATE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export function badUserInput(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...details } });
}

export function missingFxRate(currency: string, day: string, into: string): GraphQLError {
  return new GraphQLError(
    `No FX rate for ${currency} on or before ${day}: record one with recordFxRates to convert ${currency} into ${into}`,
    { extensions: { code: ErrorCode.MISSING_FX_RATE, currency, date: day } },
  );
}

// Codes the server itself produces for bad requests (parse, validation, variables) pass through.
const clientCodes = new Set<unknown>([
  ErrorCode.BAD_USER_INPUT, ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.MISSING_FX_RATE,
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Apollo's formatError: anything that is not a deliberate client error is logged in full and
 * replaced by a generic message, so that SQL, stack traces and internals never reach a client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (clientCodes.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const original = unwrapResolverError(error);
  // The pure attribution engine reports bad options without knowing GraphQL.
  if (original instanceof AttributionInputError) {
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  const requestId = (original as { requestId?: string } | undefined)?.requestId;
  logger.error({ err: original, path: formatted.path }, 'internal error');
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
  };
}
