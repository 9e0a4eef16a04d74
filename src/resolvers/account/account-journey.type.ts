import { ArgsType, Field, Float, ObjectType } from 'type-graphql';
import { AttributionModel } from '../../attribution/attribution-model';
import { ConversionBasis } from '../../attribution/journey';
import type { TouchRow } from '../../catalog/touch.queries';
import type { StoredCreditChoice } from '../../loaders/touch-credits.loader';
import { connectionType } from '../common/connection.type';
import { MoneyObject } from '../common/money.type';
import { PageArgs } from '../common/page.args';

@ArgsType()
export class AccountJourneyArgs extends PageArgs {
  @Field(() => AttributionModel, {
    defaultValue: AttributionModel.LINEAR,
    description: 'Whose credits to show: a rule-based model with its default options (not CUSTOM), as the reports store them. Default LINEAR.',
  })
  model: AttributionModel;

  @Field(() => ConversionBasis, {
    defaultValue: ConversionBasis.REVENUE,
    description: 'REVENUE (default): credits in won deals, t* = closedAt; PIPELINE: credits in every deal, t* = createdAt.',
  })
  basis: ConversionBasis;
}

@ObjectType('AccountJourneyCredit', { description: 'What one touch earned in one deal\'s journey, under the journey\'s model and basis.' })
export class AccountJourneyCredit {
  @Field(() => MoneyObject, { description: 'The touch\'s credit in the deal, in the reporting currency; 0 when the model gives it nothing.' })
  amount: MoneyObject;

  @Field(() => Float, { description: 'The touch\'s share of the deal (0 to 1).' })
  share: number;

  /** Row id of the deal (resolved by a field resolver). */
  dealId: string;
}

@ObjectType('AccountJourneyStep', {
  description: 'One touch of a lead of the account, with the deals whose journey holds it (default contacts and no lookback, '
    + 'as stored) and its credit in each. For a deal whose contacts are all leads of the account, the credits of its '
    + 'steps add up to its amount.',
})
export class AccountJourneyStep {
  /** The touch itself (resolved by a field resolver). */
  touchRow: TouchRow;

  /** The model and basis of the credits. */
  choice: StoredCreditChoice;
}

export const AccountJourneyConnection = connectionType('AccountJourney', AccountJourneyStep, 'steps of the account\'s journey');
