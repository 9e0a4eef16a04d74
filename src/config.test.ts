import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  test('defaults give a runnable local service on the embedded database', () => {
    expect(loadConfig({})).toEqual({
      NODE_ENV: 'development', PORT: 4000, HOST: '127.0.0.1', DATA_DIR: '.data', LOG_LEVEL: 'info',
      REPORTING_CURRENCY: 'USD', DB_POOL_SIZE: 10, SEED_ON_EMPTY: 'small',
      MAX_QUERY_DEPTH: 15, MAX_QUERY_ALIASES: 30, MAX_QUERY_TOKENS: 2000, MAX_QUERY_COST: 20000,
      MAX_BODY_BYTES: 20 * 1024 * 1024, MAX_JSON_DEPTH: 32, REPORT_STATEMENT_TIMEOUT_MS: 60_000, RATE_LIMIT_PER_MINUTE: 1200,
      SHUTDOWN_DELAY_MS: 0,
    });
  });

  test('reads every setting from the environment', () => {
    expect(loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@db:5432/x', REPORTING_CURRENCY: 'EUR', LOG_LEVEL: 'debug' }))
      .toMatchObject({ PORT: 8080, DATABASE_URL: 'postgres://u@db:5432/x', REPORTING_CURRENCY: 'EUR', LOG_LEVEL: 'debug' });
  });

  test('an empty variable counts as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', PORT: '' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PORT).toBe(4000);
  });

  test('bad values stop start-up with a message naming each variable', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', REPORTING_CURRENCY: 'XYZ', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT="eighty": .*number/);
    expect(attempt).toThrow('REPORTING_CURRENCY="XYZ": is not an ISO 4217 currency');
    expect(attempt).toThrow('DATABASE_URL="mysql://x": must be a postgres:// or postgresql:// URL');
    expect(attempt).toThrow(/LOG_LEVEL="loud": /);
    expect(() => loadConfig({ DB_POOL_SIZE: '2' })).toThrow('DB_POOL_SIZE="2": must be at least 3: a full re-credit uses three connections at once');
  });
});
