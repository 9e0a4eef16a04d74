import { code as currencyByCode } from 'currency-codes';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function currencyCode(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value) || currencyByCode(value) === undefined) {
    throw new GraphQLError(`${JSON.stringify(value)} is not an ISO 4217 currency code (three upper-case letters, e.g. USD)`);
  }
  return value;
}

export const CurrencyCodeScalar = new GraphQLScalarType<string, string>({
  name: 'CurrencyCode',
  description: 'An ISO 4217 currency code in upper case, e.g. USD, EUR, JPY. Codes that are not ISO 4217 are refused.',
  specifiedByURL: 'https://www.iso.org/iso-4217-currency-codes.html',
  serialize: (value) => String(value),
  parseValue: currencyCode,
  parseLiteral: (ast) => currencyCode(ast.kind === Kind.STRING ? ast.value : undefined),
});
