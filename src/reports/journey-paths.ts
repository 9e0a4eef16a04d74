import { QueryRunner } from 'typeorm';
import { collapseRepeatedKeys, PathRow } from '../attribution/data-driven';
import { ReportTotals } from './attribution-aggregator';
import type { AttributionRequest } from './attribution-report.service';
import { journeyPathSql } from './journey-path-sql';
import { CampaignOfKey, KeyedJourneyTotals } from './keyed-journey-totals';
import { missingRateError } from './missing-rate';
import { Dimension } from './report-scope';
import { NO_CAMPAIGN } from './row-keys';

interface JourneyGroup {
  tokens: string | null;
  won: boolean;
  journeys: number;
  value: string;
  missingRate: string | null;
}

export interface JourneyPaths {
  /** One row per distinct sequence of keys, collapsed or not: what the data-driven models learn from. */
  rows: PathRow[];
  /** The report's total, unattributed amount and per-key touches and influence, from the won deals. */
  totals: ReportTotals;
}

interface Campaign extends CampaignOfKey {
  key: string;
}

// Rows by campaign carry the campaign's externalId (the key), id and name; tokens are its id.
async function campaignKeys(runner: QueryRunner) {
  const campaigns: Campaign[] = await runner.query('SELECT id::text AS "campaignId", external_id AS key, name AS "campaignName" FROM campaigns');
  return {
    keyOf: new Map(campaigns.map((campaign) => [campaign.campaignId, campaign.key])),
    byKey: new Map(campaigns.map((campaign) => [campaign.key, campaign])),
  };
}

async function throwMissingRate(runner: QueryRunner, groups: readonly JourneyGroup[], request: AttributionRequest): Promise<void> {
  // The smallest, so that the error names the same rate whatever order the groups come in.
  const missing = groups.reduce<string | null>((first, group) =>
    (group.missingRate !== null && (first === null || group.missingRate < first) ? group.missingRate : first), null);
  if (missing === null) return;
  const [currency, day] = missing.split(' ');
  throw await missingRateError(runner, currency, day, request.scope);
}

// Each key as one string object, however many paths hold it: the models hash and compare keys
// hundreds of thousands of times, and equal strings split from different journeys are compared
// character by character, the same object at once.
function sameString(): (token: string) => string {
  const strings = new Map<string, string>();
  return (token) => {
    const known = strings.get(token);
    if (known !== undefined) return known;
    strings.set(token, token);
    return token;
  };
}

/**
 * The journeys of a data-driven report as path rows, repeats collapsed if asked, and the report
 * totals of its won deals. One statement (journeyPathSql, over the stored keys when `storedKeys`)
 * sends one row per distinct sequence of keys; collapsing them here rather than in SQL saves a
 * window over every touch, and costs little as nearly every long journey is distinct anyway.
 */
export async function readJourneyPaths(runner: QueryRunner, request: AttributionRequest, collapse: boolean,
  storedKeys: boolean): Promise<JourneyPaths> {
  const [dimension] = request.groupBy;
  const { sql, params } = journeyPathSql(request.scope, dimension, storedKeys);
  const groups: JourneyGroup[] = await runner.query(sql, params);
  await throwMissingRate(runner, groups, request);
  const campaigns = dimension === Dimension.CAMPAIGN ? await campaignKeys(runner) : undefined;
  const keyOf = campaigns ? (token: string) => campaigns.keyOf.get(token) ?? NO_CAMPAIGN : sameString();
  const keysOf = (tokens: string): string[] => (tokens === '' ? [] : tokens.split(',').map(keyOf));
  const totals = new KeyedJourneyTotals(request.models.length, campaigns?.byKey);
  // Rows with the same path after collapsing are merged by the models (their path table).
  const rows = groups.map((group): PathRow => {
    const keys = keysOf(group.tokens ?? '');
    const value = BigInt(group.value);
    if (group.won) totals.add(keys, group.journeys, value);
    return { path: collapse ? collapseRepeatedKeys(keys) : keys, journeys: group.journeys, conversions: group.won ? group.journeys : 0, value };
  });
  return { rows, totals: totals.totals };
}
