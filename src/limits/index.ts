import { ApiKeyService } from '../auth/api-key.service';
import { Config } from '../config';
import { authenticateFirst, chargeRefusedBody } from './authenticate-first';
import { jsonBody } from './json-body';
import { operationLimitsPlugin } from './operation-limits.plugin';
import { operationResolutionPlugin } from './operation-resolution.plugin';
import { rateLimitPlugin } from './rate-limit.plugin';

export { authenticatedKey } from './authenticate-first';
export { RATE_LIMIT_HEADERS } from './rate-limit.plugin';
import { RateLimiter } from './rate-limiter';

/**
 * The abuse limits of one server (docs/limits.md): Apollo plugins (the rate limit first, so an
 * exhausted key is told so whatever its operation), the parser's token limit, and the guards that
 * run before Apollo: the API key before the body is read, then the body's size and depth.
 */
export function abuseLimits(settings: Config, apiKeys: ApiKeyService) {
  const limiter = new RateLimiter(settings.RATE_LIMIT_PER_MINUTE);
  return {
    plugins: [rateLimitPlugin(limiter), operationResolutionPlugin(), operationLimitsPlugin(settings)],
    // graphql's parser stops at the first token over the limit, so a huge document is never fully parsed.
    parseOptions: { maxLexicalTokens: settings.MAX_QUERY_TOKENS },
    requestGuards: [
      authenticateFirst(apiKeys, limiter),
      ...jsonBody({ maxBytes: settings.MAX_BODY_BYTES, maxDepth: settings.MAX_JSON_DEPTH }, chargeRefusedBody(limiter)),
    ],
  };
}
