import express, { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { badRequest, limitExceeded, toClientError } from '../errors';
import { jsonDepth } from './json-depth';

/** What express.json (body-parser) attaches to the errors it passes on. */
interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  message: string;
  /** The Content-Length of a body refused before reading, or the bytes read when it had none. */
  length?: number;
  received?: number;
  /** Set by the depth check: body-parser passes the error it threw on, as it is. */
  refusal?: GraphQLError;
}

export interface BodyLimits {
  maxBytes: number;
  maxDepth: number;
}

/** Sends a refusal made here as a GraphQL error body, with its status. */
export function sendRefusal(response: Response, refusal: GraphQLError): void {
  response.status((refusal.extensions.http as { status: number }).status).json({ errors: [toClientError(refusal)] });
}

function refusalOf(error: BodyParserError, { maxBytes }: BodyLimits): GraphQLError | undefined {
  if (error.refusal) return error.refusal;
  if (error.type === 'entity.too.large') {
    return limitExceeded('MAX_BODY_BYTES', maxBytes, error.length ?? error.received ?? maxBytes + 1, 'body bytes', 413);
  }
  if (error.type === 'entity.parse.failed') return badRequest(`The body is not valid JSON: ${error.message}`);
  // Unsupported charset or encoding, aborted upload: body-parser marks the messages a client may see.
  if (error.expose && error.status !== undefined && error.status < 500) return badRequest(error.message, error.status);
  return undefined;
}

/**
 * Refuses a body that nests deeper than MAX_JSON_DEPTH before JSON.parse sees it: one pass over
 * the bytes, so that neither parsing nor anything that walks the variables later can block the
 * event loop or overflow the stack.
 */
function refuseDeep(maxDepth: number) {
  return (_request: unknown, _response: unknown, body: Buffer) => {
    const depth = jsonDepth(body, maxDepth);
    if (depth > maxDepth) {
      throw Object.assign(new Error('too deep'), { refusal: limitExceeded('MAX_JSON_DEPTH', maxDepth, depth, 'JSON nesting depth (counting stopped at)', 400) });
    }
  };
}

/**
 * express.json bounded by MAX_BODY_BYTES and MAX_JSON_DEPTH, followed by a handler that answers
 * its refusals as GraphQL errors in JSON instead of Express's HTML error pages. `onRefusal` may
 * answer instead (the rate limit counts refused bodies too).
 */
export function jsonBody(limits: BodyLimits, onRefusal: (response: Response, refusal: GraphQLError) => void = sendRefusal): [RequestHandler, ErrorRequestHandler] {
  const refuseBody: ErrorRequestHandler = (error: BodyParserError, _request, response, next) => {
    const refusal = refusalOf(error, limits);
    if (!refusal) {
      next(error);
      return;
    }
    onRefusal(response, refusal);
  };
  return [express.json({ limit: limits.maxBytes, verify: refuseDeep(limits.maxDepth) }), refuseBody];
}
