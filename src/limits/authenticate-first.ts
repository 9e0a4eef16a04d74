import { RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { ApiKeyService } from '../auth/api-key.service';
import { ApiKeyIdentity } from '../auth/scope';
import { rateLimited, rethrowAsUnavailable } from '../errors';
import { currentRecord } from '../operations/request-record';
import { sendRefusal } from './json-body';
import { RateLimiter } from './rate-limiter';

/** The key a request was authenticated with before its body was read, if it was. */
export function authenticatedKey(response: Response): ApiKeyIdentity | undefined {
  return response.locals.apiKey as ApiKeyIdentity | undefined;
}

/** Answers a refusal made before Apollo, counting it on the request's record like Apollo's own. */
export function refuse(response: Response, refusal: GraphQLError): void {
  currentRecord()?.errorCodes.add(String(refusal.extensions.code));
  const retryAfter = refusal.extensions.retryAfterSeconds;
  if (retryAfter !== undefined) response.set('retry-after', String(retryAfter));
  sendRefusal(response, refusal);
}

/**
 * Checks the API key of a POST from its Authorization header, before a byte of the body is
 * parsed: a client without a valid key cannot make the server parse anything. Such refusals count
 * against a budget per client address (RATE_LIMIT_PER_MINUTE), so that guessing keys is bounded too.
 */
export function authenticateFirst(apiKeys: ApiKeyService, limiter: RateLimiter): RequestHandler {
  return async (request, response, next) => {
    if (request.method !== 'POST') {
      next();
      return;
    }
    try {
      response.locals.apiKey = await apiKeys.authenticate(request.headers.authorization).catch(rethrowAsUnavailable);
    } catch (error) {
      if (!(error instanceof GraphQLError)) {
        next(error);
        return;
      }
      const budget = limiter.spend(`address:${request.ip ?? 'unknown'}`);
      // The body is left unread: the connection closes after the answer instead of reading it.
      response.set('connection', 'close');
      refuse(response, budget.refused ? rateLimited('RATE_LIMIT_PER_MINUTE', budget.limit, budget.resetSeconds, 'client address') : error);
      return;
    }
    next();
  };
}

/** A refused body (too large, too deep, not JSON) still spends a request of its key's budget. */
export function chargeRefusedBody(limiter: RateLimiter) {
  return (response: Response, refusal: GraphQLError): void => {
    const key = authenticatedKey(response);
    const budget = key ? limiter.spend(key.id) : undefined;
    refuse(response, budget?.refused ? rateLimited('RATE_LIMIT_PER_MINUTE', budget.limit, budget.resetSeconds) : refusal);
  };
}
