import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';

@ObjectType({ description: 'How much data the service holds (soft-deleted records excluded).' })
export class DatasetSummary {
  @Field(() => Int, { description: 'Campaigns.' })
  campaigns: number;

  @Field(() => Int, { description: 'Accounts (companies).' })
  accounts: number;

  @Field(() => Int, { description: 'Leads (people).' })
  leads: number;

  @Field(() => Int, { description: 'Touches (interactions of leads with campaigns and channels).' })
  touches: number;

  @Field(() => Int, { description: 'Deals, whatever their status.' })
  deals: number;

  @Field(() => Int, { description: 'Won deals.' })
  wonDeals: number;

  @Field(() => Int, { description: 'Touches of visitors not identified yet (no lead): part of touches.' })
  anonymousTouches: number;

  @Field(() => Int, { description: 'Visitors linked to a lead by identifyVisitors.' })
  identifiedVisitors: number;
}

@Resolver()
export class DatasetResolver {
  @Query(() => DatasetSummary, { description: 'Counts of the records loaded: a first query to check that data arrived.' })
  datasetSummary(@Ctx() { services }: Context): Promise<DatasetSummary> {
    return services.catalog.datasetCounts();
  }
}
