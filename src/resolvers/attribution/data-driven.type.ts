import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { MarkovTransitions } from '../../attribution/data-driven';
import { MoneyObject } from '../common/money.type';

export enum UnattributedReason {
  EMPTY_JOURNEY = 'EMPTY_JOURNEY',
  NO_CONVERSIONS = 'NO_CONVERSIONS',
  ALL_REMOVAL_EFFECTS_ZERO = 'ALL_REMOVAL_EFFECTS_ZERO',
}

registerEnumType(UnattributedReason, {
  name: 'UnattributedReason',
  description: 'Why part of the total went to no key.',
  valuesConfig: {
    EMPTY_JOURNEY: { description: 'Deals whose journey has no touch (after t*, the lookback and the filters).' },
    NO_CONVERSIONS: { description: 'Data-driven models: no journey converted, so there is nothing to credit.' },
    ALL_REMOVAL_EFFECTS_ZERO: { description: 'MARKOV: removing any key leaves P(conv) unchanged, so removal effects give no shares.' },
  },
});

@ObjectType({ description: 'A part of the total that went to no key, and why.' })
export class UnattributedPart {
  @Field(() => UnattributedReason, { description: 'Why.' })
  reason: UnattributedReason;

  @Field(() => MoneyObject, { description: 'How much, in the report currency.' })
  amount: MoneyObject;

  @Field(() => Float, { description: 'How many deals (fractional for data-driven models).' })
  deals: number;
}

@ObjectType({ description: 'A key\'s removal effect in the MARKOV chain.' })
export class RemovalEffectObject {
  @Field({ description: 'The key (channel slug or campaign externalId).' })
  key: string;

  @Field(() => Float, { description: 'RE = 1 - P(conv with every state containing the key redirected to NULL) / P(conv); from 0 to 1.' })
  effect: number;
}

@ObjectType({ description: 'A transition of the MARKOV chain with its probability (row-normalised counts).' })
export class MarkovTransitionObject {
  @Field({ description: 'From state: START, or its keys joined by " > " (one key at order 1).' })
  from: string;

  @Field({ description: 'To state: keys joined by " > ", CONVERSION or NULL.' })
  to: string;

  @Field(() => Float, { description: 'Probability of this transition from the from state, 0 to 1.' })
  probability: number;
}

@ObjectType({ description: 'The MARKOV chain behind the report, for checking its result.' })
export class MarkovDetails {
  @Field(() => Int, { description: 'Order of the chain: consecutive keys per state.' })
  order: number;

  @Field(() => Float, { description: 'P(conv): the exact probability that a journey from START reaches CONVERSION.' })
  conversionProbability: number;

  @Field(() => [RemovalEffectObject], { description: 'Every key\'s removal effect, by key. Credit of a key = total converting revenue x RE / sum(RE).' })
  removalEffects: RemovalEffectObject[];

  @Field(() => Int, { description: 'How many transitions the chain has (with a positive probability).' })
  transitionCount: number;

  /** The chain's transitions, listed by the field resolver as far as it returns them. */
  allTransitions: MarkovTransitions;
}

@ObjectType({ description: 'One distinct path of the journeys a data-driven model learned from.' })
export class PathTableRow {
  @Field(() => [String], { description: 'The keys in touch order (consecutive repeats collapsed unless collapseRepeats is false).' })
  path: string[];

  @Field(() => Int, { description: 'Journeys that followed this path: won and lost deals, deal-less leads and never-identified visitors.' })
  journeys: number;

  @Field(() => Int, { description: 'Of those, the converting ones (won deals).' })
  conversions: number;

  @Field(() => MoneyObject, { description: 'Revenue of the converting journeys, in the report currency.' })
  value: MoneyObject;
}

@ObjectType({ description: 'A page of the path table, most frequent paths first.' })
export class PathTablePage {
  @Field(() => Int, { description: 'Distinct paths in all.' })
  totalCount: number;

  @Field(() => [PathTableRow], { description: 'The paths of this page.' })
  nodes: PathTableRow[];

  @Field(() => String, { nullable: true, description: 'Pass as after to get the next page; null on the last page.' })
  endCursor: string | null;
}
