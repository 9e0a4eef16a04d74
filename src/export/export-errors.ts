import type { Response } from 'express';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ErrorCode, formatError, toClientError } from '../errors';

// Before the first byte, an export fails as GraphQL would: the same error codes and messages, in
// a GraphQL-shaped JSON body, with the HTTP status a plain HTTP client branches on.
const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.BAD_REQUEST]: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.MISSING_FX_RATE]: 422,
  [ErrorCode.LIMIT_EXCEEDED]: 400,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.TIMEOUT]: 504,
};

export const codeOf = (error: GraphQLFormattedError) => String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);

export function statusOf(errors: readonly GraphQLFormattedError[]): number {
  return STATUS[codeOf(errors[0]!)] ?? 500;
}

/** The HTTP status an error made by src/errors.ts asks for, if any (UNAUTHENTICATED's 401, a 404, ...). */
export function httpStatusOf(error: unknown): number | undefined {
  const http = error instanceof GraphQLError ? error.extensions.http as { status?: number } | undefined : undefined;
  return http?.status;
}

/** Answers with the errors as a GraphQL response would carry them. */
export function sendErrors(res: Response, errors: readonly GraphQLFormattedError[], status = statusOf(errors)): void {
  res.status(status).type('application/json').send(JSON.stringify({ errors }));
}

/** Any error thrown while serving an export, as clients see it: coded, never SQL or a stack. */
export function clientErrorOf(error: unknown): GraphQLFormattedError {
  if (error instanceof GraphQLError) return formatError(toClientError(error), error);
  return formatError({ message: String(error) }, error);
}
