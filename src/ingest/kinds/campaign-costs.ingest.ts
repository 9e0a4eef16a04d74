import { amount, boolean, currency, date, deletedAt, duplicateKey, minorUnits, reference, required } from '../checks';
import { IngestKind, stagingTable } from '../ingest-kind';
import { countsSql, upsertSql } from '../upsert-sql';

const name = 'costs';
const stage = stagingTable({ name } as IngestKind);

/** Spend of a campaign on one day. Re-sending a day replaces that day's amount. */
export const campaignCosts: IngestKind = {
  name,
  fields: ['campaignExternalId', 'date', 'amount', 'currency', 'deleted'],
  joins: `LEFT JOIN campaigns c ON c.external_id = s.campaign_external_id
          LEFT JOIN currencies cur ON cur.code = s.currency`,
  checks: [
    required('campaignExternalId'),
    reference('campaignExternalId', 'c', 'campaign'),
    required('date'),
    date('date'),
    required('amount'),
    ...amount('amount'),
    required('currency'),
    currency('currency'),
    boolean('deleted'),
  ],
  extraChecks: [duplicateKey(stage, ['campaignExternalId', 'date'], 'one cost per campaign and day')],
  merge: [
    `WITH ${upsertSql('up', {
      table: 'campaign_costs',
      key: ['campaign_id', 'cost_date'],
      columns: ['amount_minor', 'currency'],
      select: `SELECT c.id, ingest_date(s.date), ${minorUnits('s.amount', 'cur.minor_units')}, cur.code, ${deletedAt}
               FROM ${stage} s
               JOIN campaigns c ON c.external_id = s.campaign_external_id
               JOIN currencies cur ON cur.code = s.currency`,
    })} ${countsSql('up')}`,
  ],
};
