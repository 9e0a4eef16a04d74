import { Field, InputType } from 'type-graphql';
import { CURRENCY, DATE, IDEMPOTENCY_KEY } from './common';

@InputType({ description: 'An exchange rate into the reporting currency, in force from its date until the next rate.' })
export class FxRateItem {
  @Field({ description: CURRENCY })
  currency: string;

  @Field({ description: `First day the rate applies. ${DATE}` })
  date: string;

  @Field({ description: 'Units of the reporting currency for one unit of currency, as an exact positive decimal string (e.g. "1.0845").' })
  rate: string;
}

@InputType({ description: 'A batch of exchange rates to record.' })
export class RecordFxRatesInput {
  @Field(() => [FxRateItem], { description: 'Up to 5,000 rates, keyed by currency and date.' })
  rates: FxRateItem[];

  @Field({ nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
