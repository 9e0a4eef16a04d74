import { z } from 'zod';
import { code as currencyByCode } from 'currency-codes';

// Every setting the service reads, from the environment only. Bad values stop start-up with a
// message that names the variable.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
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
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SEED_ON_EMPTY: z.enum(['small', 'large', 'none']).default('small'),
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
