import express, { ErrorRequestHandler, RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { badRequest, limitExceeded, toClientError } from '../errors';

/** What express.json (body-parser) attaches to the errors it passes on. */
interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  message: string;
  /** The Content-Length of a body refused before reading, or the bytes read when it had none. */
  length?: number;
  received?: number;
}

function refusalOf(error: BodyParserError, maxBytes: number): GraphQLError | undefined {
  if (error.type === 'entity.too.large') {
    return limitExceeded('MAX_BODY_BYTES', maxBytes, error.length ?? error.received ?? maxBytes + 1, 'body bytes', 413);
  }
  if (error.type === 'entity.parse.failed') return badRequest(`The body is not valid JSON: ${error.message}`);
  // Unsupported charset or encoding, aborted upload: body-parser marks the messages a client may see.
  if (error.expose && error.status !== undefined && error.status < 500) return badRequest(error.message, error.status);
  return undefined;
}

/**
 * express.json bounded by MAX_BODY_BYTES, followed by a handler that answers its refusals as
 * GraphQL errors in JSON instead of Express's HTML error pages.
 */
export function jsonBody(maxBytes: number): [RequestHandler, ErrorRequestHandler] {
  const refuseBody: ErrorRequestHandler = (error: BodyParserError, _request, response, next) => {
    const refusal = refusalOf(error, maxBytes);
    if (!refusal) {
      next(error);
      return;
    }
    response.status((refusal.extensions.http as { status: number }).status).json({ errors: [toClientError(refusal)] });
  };
  return [express.json({ limit: maxBytes }), refuseBody];
}
