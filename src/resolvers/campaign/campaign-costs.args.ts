import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/page.args';

export const PERIOD_FROM = 'First day of the period, included (calendar date). Omit for no lower bound.';
export const PERIOD_TO = 'Day after the period, excluded (calendar date): from 2025-01-01 to 2025-02-01 is January. Omit for no upper bound.';

@ArgsType()
export class CampaignCostsArgs extends PageArgs {
  @Field(() => LocalDateResolver, { nullable: true, description: PERIOD_FROM })
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: PERIOD_TO })
  to?: string;
}
