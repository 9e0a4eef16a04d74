import { Config } from '../config';
import { jsonBody } from './json-body';
import { operationLimitsPlugin } from './operation-limits.plugin';
import { rateLimitPlugin } from './rate-limit.plugin';

export { RATE_LIMIT_HEADERS } from './rate-limit.plugin';
import { RateLimiter } from './rate-limiter';

/**
 * The abuse limits of one server (docs/limits.md): Apollo plugins (the rate limit first, so an
 * exhausted key is told so whatever its operation), the parser's token limit, and the JSON body
 * parser with its size limit.
 */
export function abuseLimits(settings: Config) {
  return {
    plugins: [rateLimitPlugin(new RateLimiter(settings.RATE_LIMIT_PER_MINUTE)), operationLimitsPlugin(settings)],
    // graphql's parser stops at the first token over the limit, so a huge document is never fully parsed.
    parseOptions: { maxLexicalTokens: settings.MAX_QUERY_TOKENS },
    jsonBody: jsonBody(settings.MAX_BODY_BYTES),
  };
}
