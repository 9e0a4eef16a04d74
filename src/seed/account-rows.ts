import { isoTime } from './calendar';
import { CsvSource, csvText } from './csv-source';
import { DemoWorld, PlannedDeal, PlannedLead } from './demo-world';
import { visitorsOf } from './touch-rows';

export function accountSource({ accounts }: DemoWorld): CsvSource {
  return {
    header: ['externalId', 'name', 'domain', 'segment', 'industry', 'size'],
    total: accounts.length,
    lines: function* accountLines() {
      for (const a of accounts) {
        yield `${a.externalId},${csvText(a.name)},${a.domain},${a.segment},${csvText(a.industry)},${a.size}\n`;
      }
    },
  };
}

export function leadSource(leads: readonly PlannedLead[]): CsvSource {
  return {
    header: ['externalId', 'accountExternalId', 'email', 'name', 'createdAt', 'lifecycleStage', 'stageChangedAt'],
    total: leads.length,
    lines: function* leadLines() {
      for (const l of leads) {
        yield `${l.externalId},${l.account.externalId},${l.email},${csvText(l.name)},${isoTime(l.createdAt)},`
          + `${l.stage},${isoTime(l.stageChangedAt)}\n`;
      }
    },
  };
}

/** Deals with their contacts in the CSV notation "L-000001*;L-000007" (the star marks the primary). */
export function dealSource(deals: readonly PlannedDeal[]): CsvSource {
  return {
    header: ['externalId', 'name', 'accountExternalId', 'amount', 'currency', 'status', 'stage', 'owner', 'createdAt',
      'closedAt', 'contacts'],
    total: deals.length,
    lines: function* dealLines() {
      for (const d of deals) {
        const contacts = d.contacts.map((lead, index) => (index === 0 ? `${lead.externalId}*` : lead.externalId)).join(';');
        yield `${d.externalId},${csvText(d.name)},${d.account.externalId},${d.amount},${d.currency},${d.status},`
          + `${csvText(d.stage)},${csvText(d.account.owner)},${isoTime(d.createdAt)},`
          + `${d.closedAt === null ? '' : isoTime(d.closedAt)},${contacts}\n`;
      }
    },
  };
}

/** The form fill that created each lead identifies the browsers of its earlier anonymous visits. */
export function visitorLinkSource(leads: readonly PlannedLead[]): CsvSource {
  const identified = leads.filter((lead) => visitorsOf(lead).length > 0);
  return {
    header: ['visitorId', 'leadExternalId', 'identifiedAt'],
    total: identified.reduce((sum, lead) => sum + visitorsOf(lead).length, 0),
    lines: function* linkLines() {
      for (const lead of identified) {
        for (const visitor of visitorsOf(lead)) yield `${visitor},${lead.externalId},${isoTime(lead.createdAt)}\n`;
      }
    },
  };
}
