import DataLoader from 'dataloader';
import { DatePeriod, spendOfCampaigns } from '../catalog/campaign.queries';
import { Money } from '../catalog/money';
import { Queryable } from '../database/sql';
import { GroupedKey, groupedLoader } from './grouped.loader';

/** Spend per campaign and period: one statement per distinct period in a response. */
export function campaignSpendLoader(db: Queryable): DataLoader<GroupedKey<DatePeriod>, Money[], string> {
  return groupedLoader<DatePeriod, Money[]>((campaignIds, period) => spendOfCampaigns(db, campaignIds, period));
}
