import { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { Context } from '../context';
import { rateLimited } from '../errors';
import { RateBudget, RateLimiter } from './rate-limiter';

/** The headers that carry the budget: CORS exposes them, so that browser clients can read them. */
export const RATE_LIMIT_HEADERS = ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after'];

/** The budget in every response: `extensions.rateLimit` for GraphQL clients, headers for HTTP tooling. */
function report(budget: RateBudget, response: GraphQLResponse): void {
  const { limit, remaining, resetSeconds } = budget;
  const { headers } = response.http;
  headers.set('ratelimit-limit', String(limit));
  headers.set('ratelimit-remaining', String(remaining));
  headers.set('ratelimit-reset', String(resetSeconds));
  if (budget.refused) headers.set('retry-after', String(resetSeconds));
  const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
  result.extensions = { ...result.extensions, rateLimit: { limit, remaining, resetSeconds } };
}

/**
 * RATE_LIMIT_PER_MINUTE requests per API key. Every request counts, refused ones included, from
 * the moment it arrives; the refusal waits until the operation is resolved because that is the
 * first hook whose errors Apollo answers as a normal response (status, headers, extensions).
 */
export function rateLimitPlugin(limiter: RateLimiter): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const budget = limiter.spend(contextValue.apiKey.id);
      return {
        async didResolveOperation() {
          if (budget.refused) throw rateLimited('RATE_LIMIT_PER_MINUTE', budget.limit, budget.resetSeconds);
        },
        async willSendResponse({ response }) {
          report(budget, response);
        },
      };
    },
  };
}
