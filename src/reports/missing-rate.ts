import { GraphQLError } from 'graphql';
import { QueryRunner } from 'typeorm';
import { missingFxRate } from '../errors';
import { JourneyScope } from './report-scope';

/**
 * The error for an amount in `currency` that could not be converted on `day`: it names the
 * currency whose rate is missing, the amount's own or else the report currency.
 */
export async function missingRateError(runner: QueryRunner, currency: string, day: string, scope: JourneyScope): Promise<GraphQLError> {
  const has = async (code: string) => code === scope.baseCurrency || (await runner.query(
    'SELECT 1 FROM fx_rates WHERE currency = $1 AND rate_date <= $2 AND deleted_at IS NULL LIMIT 1',
    [code, day])).length > 0;
  return missingFxRate((await has(currency)) ? scope.currency : currency, day, scope.currency);
}
