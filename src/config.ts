import { z } from 'zod';
import { code as currencyByCode } from 'currency-codes';

// Every setting the service reads, from the environment only. Bad values stop start-up with a
// message that names the variable.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  // Loopback only unless told otherwise: the Docker image sets 0.0.0.0.
  HOST: z.string().min(1).default('127.0.0.1'),
  // The server's address as clients reach it (behind a proxy): the base of export links. Unset: the request's Host.
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, '')).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REPORTING_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an upper-case ISO 4217 code such as USD')
    .refine((value) => currencyByCode(value) !== undefined, 'is not an ISO 4217 currency')
    .default('USD'),
  // A full re-credit holds three connections at once (touch-credit-refresh.ts): with fewer it would wait for ever.
  DB_POOL_SIZE: z.coerce.number().int().min(3, 'must be at least 3: a full re-credit uses three connections at once').max(200).default(10),
  SEED_ON_EMPTY: z.enum(['small', 'large', 'none']).default('small'),
  // Unset: on outside production, off in production.
  GRAPHQL_SANDBOX: z.stringbool().optional(),
  GRAPHQL_INTROSPECTION: z.stringbool().optional(),
  // Abuse limits: every refusal names the limit and its value.
  // 15: the standard introspection query (graphql's, as the sandbox sends it) nests 15 fields deep.
  MAX_QUERY_DEPTH: z.coerce.number().int().min(1).default(15),
  MAX_QUERY_ALIASES: z.coerce.number().int().min(1).default(30),
  MAX_QUERY_TOKENS: z.coerce.number().int().min(1).default(2000),
  MAX_QUERY_COST: z.coerce.number().int().min(1).default(20000),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(20 * 1024 * 1024),
  // 32: an ingest body reaches touch properties at depth 6, so they may nest 26 levels.
  MAX_JSON_DEPTH: z.coerce.number().int().min(8).max(1000).default(32),
  REPORT_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  // How long /ready answers 503 on shutdown before connections are refused: load balancers need a
  // few probe intervals to stop sending requests. 0 suits a developer's Ctrl-C.
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return `  ${name}=${JSON.stringify(env[name])}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

let current: Config | undefined;

export function config(): Config {
  current ??= loadConfig();
  return current;
}
