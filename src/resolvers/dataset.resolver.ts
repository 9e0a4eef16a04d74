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
}

@Resolver()
export class DatasetResolver {
  @Query(() => DatasetSummary, { description: 'Counts of the records loaded: a first query to check that data arrived.' })
  async datasetSummary(@Ctx() { dataSource }: Context): Promise<DatasetSummary> {
    const [row] = await dataSource.query(`
      SELECT (SELECT count(*) FROM campaigns WHERE deleted_at IS NULL)::int AS campaigns,
             (SELECT count(*) FROM accounts WHERE deleted_at IS NULL)::int AS accounts,
             (SELECT count(*) FROM leads WHERE deleted_at IS NULL)::int AS leads,
             (SELECT count(*) FROM touches WHERE deleted_at IS NULL)::int AS touches,
             (SELECT count(*) FROM deals WHERE deleted_at IS NULL)::int AS deals,
             (SELECT count(*) FROM deals WHERE deleted_at IS NULL AND status = 'WON')::int AS "wonDeals"`);
    return row;
  }
}
