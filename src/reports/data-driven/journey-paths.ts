import { Queryable } from '../../database/sql';
import { collapseRepeatedKeys, KeyedPathRow, KeyedPaths } from '../../attribution/data-driven';
import { ReportTotals } from '../attribution-aggregator';
import type { AttributionRequest } from '../attribution-report.types';
import { JourneyKeyIds } from './journey-key-ids';
import { journeyPathSql } from '../journeys/journey-path-sql';
import { CampaignOfKey, KeyedJourneyTotals } from './keyed-journey-totals';
import { throwMissingRate } from '../currency';
import { Dimension } from '../report-scope';
import { NO_CAMPAIGN } from '../row-keys';

interface JourneyGroup {
  tokens: string | null;
  won: boolean;
  journeys: number;
  value: string;
  missingRate: string | null;
}

export interface JourneyPaths {
  /** One row per distinct sequence of keys, collapsed or not: what the data-driven models learn from. */
  paths: KeyedPaths;
  /** The report's total, unattributed amount and per-key touches and influence, from the won deals. */
  totals: ReportTotals;
}

interface Campaign extends CampaignOfKey {
  key: string;
}

// Rows by campaign carry the campaign's externalId (the key), id and name; tokens are its id.
async function campaignKeys(db: Queryable) {
  const campaigns: Campaign[] = await db.query('SELECT id::text AS "campaignId", external_id AS key, name AS "campaignName" FROM campaigns');
  return {
    keyOf: new Map(campaigns.map((campaign) => [campaign.campaignId, campaign.key])),
    byKey: new Map(campaigns.map((campaign) => [campaign.key, campaign])),
  };
}

// The smallest, so that the error names the same rate whatever order the groups come in.
const firstMissingRate = (groups: readonly JourneyGroup[]) => groups.reduce<string | null>((first, group) =>
  (group.missingRate !== null && (first === null || group.missingRate < first) ? group.missingRate : first), null);

/**
 * The journeys of a data-driven report as path rows, repeats collapsed if asked, and the report
 * totals of its won deals. One statement (journeyPathSql, over the stored keys when `storedKeys`)
 * sends one row per distinct sequence of keys; collapsing them here rather than in SQL saves a
 * window over every touch, and costs little as nearly every long journey is distinct anyway.
 */
export async function readJourneyPaths(db: Queryable, request: AttributionRequest, collapse: boolean,
  storedKeys: boolean): Promise<JourneyPaths> {
  const [dimension] = request.groupBy;
  const { sql, params } = journeyPathSql(request.scope, dimension, storedKeys);
  const groups: JourneyGroup[] = await db.query(sql, params);
  await throwMissingRate(db, firstMissingRate(groups), request.scope);
  const campaigns = dimension === Dimension.CAMPAIGN ? await campaignKeys(db) : undefined;
  const keyIds = new JourneyKeyIds(campaigns && ((token) => campaigns.keyOf.get(token) ?? NO_CAMPAIGN));
  const totals = new KeyedJourneyTotals(request.models.length, campaigns?.byKey);
  // Rows with the same path after collapsing are merged by the models that need a path table.
  const rows = groups.map((group): { ids: number[] } & KeyedPathRow => {
    const ids = keyIds.idsOf(group.tokens);
    const value = BigInt(group.value);
    if (group.won) totals.add(ids, group.journeys, value);
    return { ids: collapse ? collapseRepeatedKeys(ids) : ids, journeys: group.journeys, conversions: group.won ? group.journeys : 0, value };
  });
  const reportTotals = totals.totals(keyIds.keys);
  return { paths: { keys: keyIds.renumberInKeyOrder(rows.map(({ ids }) => ids)), rows }, totals: reportTotals };
}
