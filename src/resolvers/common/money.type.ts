import { Field, ObjectType } from 'type-graphql';
import { CurrencyCodeScalar } from './currency-code.scalar';

@ObjectType('Money', {
  description: 'An exact amount of money in one currency. Amounts are never floating point: compute with a decimal library.',
})
export class MoneyObject {
  @Field({
    description: 'The amount as an exact decimal string with as many decimals as the currency has (2 for USD and EUR, '
      + '0 for JPY, 3 for KWD), e.g. "1234.50" or "5000".',
  })
  amount: string;

  @Field({
    description: 'The same amount as an integer count of minor units (cents for USD), as a string because it can exceed '
      + '2^53, e.g. "123450" for 1234.50 USD.',
  })
  amountMinor: string;

  @Field(() => CurrencyCodeScalar, { description: 'The currency of the amount.' })
  currency: string;
}
