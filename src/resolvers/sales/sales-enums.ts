import { registerEnumType } from 'type-graphql';
import { FunnelGroupBy, FunnelStage } from '../../sales/funnel.service';
import { SlaPeriod } from '../../sales/handoff-sla.service';
import { LeadSource } from '../../sales/lead-quality.service';
import { FitAttribute } from '../../sales/lead-scoring.service';

registerEnumType(FitAttribute, {
  name: 'FitAttribute',
  description: "An account attribute a fit rule compares with its value (exact, case-sensitive match).",
  valuesConfig: {
    SEGMENT: { description: "The account's segment, e.g. ENTERPRISE." },
    INDUSTRY: { description: "The account's industry." },
    SIZE: { description: "The account's size band." },
  },
});

// Groups of leads by an attribute of their account, shared by the funnel and lead quality.
const ACCOUNT_GROUPS = {
  INDUSTRY: { description: "The industry of the lead's account; (none) for a lead without an account or an account without one." },
  SEGMENT: { description: "The segment of the lead's account, e.g. ENTERPRISE; (none) for a lead without an account or an account without one." },
  SIZE: { description: "The size band of the lead's account; (none) for a lead without an account or an account without one." },
};

registerEnumType(FunnelGroupBy, {
  name: 'FunnelGroupBy',
  description: 'How a funnel splits its cohort of leads.',
  valuesConfig: {
    CHANNEL: { description: "Channel of the lead's first touch (by occurredAt, then id); (none) for leads without touches." },
    CAMPAIGN: { description: "externalId of the campaign of the lead's first touch; (none) when it has no campaign or the lead no touch." },
    MONTH: { description: 'Month the lead was created, YYYY-MM in the time zone of the input.' },
    ...ACCOUNT_GROUPS,
  },
});

registerEnumType(FunnelStage, {
  name: 'FunnelStage',
  description: 'A funnel stage. A lead that reached a later stage has passed every earlier one, at the latest when it reached the later one.',
  valuesConfig: {
    LEAD: { description: "Every lead of the cohort, at its createdAt." },
    MQL: { description: "Marketing-qualified: the first time its score reached the threshold (mqlAt), or a lifecycle change to MQL, whichever is first." },
    SQL: { description: 'Sales-qualified: a lifecycle change to SQL.' },
    OPPORTUNITY: { description: 'Creation of a deal it is a contact of, or a lifecycle change to OPPORTUNITY.' },
    WON: { description: 'Close of a won deal it is a contact of, or a lifecycle change to CUSTOMER.' },
  },
});

registerEnumType(SlaPeriod, {
  name: 'SlaPeriod',
  description: 'Period buckets of the handoff SLA report, on the MQL time, in the time zone of the input.',
  valuesConfig: {
    WEEK: { description: 'ISO weeks, keyed by their Monday (YYYY-MM-DD).' },
    MONTH: { description: 'Calendar months, keyed by their first day (YYYY-MM-DD).' },
  },
});

registerEnumType(LeadSource, {
  name: 'LeadSource',
  description: "What lead quality is grouped by: the lead's first touch, or its account.",
  valuesConfig: {
    CHANNEL: { description: "Channel of the lead's first touch; (none) for leads without touches." },
    CAMPAIGN: { description: "externalId of the campaign of the lead's first touch; (none) without one." },
    ...ACCOUNT_GROUPS,
  },
});
