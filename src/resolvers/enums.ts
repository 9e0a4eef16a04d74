import { registerEnumType } from 'type-graphql';
import { AccountOrderField } from '../catalog/account.queries';
import { CampaignOrderField } from '../catalog/campaign.queries';
import { DealOrderField } from '../catalog/deal.queries';
import { LeadOrderField } from '../catalog/lead.queries';
import { TouchOrderField } from '../catalog/touch.queries';
import { DealStatus, LifecycleStage, TouchType } from '../database/enums';
import { UserErrorCode } from '../ingest/user-error';
import { OrderDirection } from './common/order';

registerEnumType(LifecycleStage, {
  name: 'LifecycleStage',
  description: "Where a lead stands in the funnel, as the CRM or marketing-automation system reports it.",
  valuesConfig: {
    SUBSCRIBER: { description: 'Opted in to content (newsletter, blog) but not yet a lead.' },
    LEAD: { description: 'A known contact who has shown interest.' },
    MQL: { description: 'Marketing-qualified lead: marketing judges it ready for sales.' },
    SQL: { description: 'Sales-qualified lead: sales accepted it and is working it.' },
    OPPORTUNITY: { description: 'Part of an open deal.' },
    CUSTOMER: { description: 'Part of a won deal.' },
    DISQUALIFIED: { description: 'Judged not a fit; no longer worked.' },
  },
});

registerEnumType(TouchType, {
  name: 'TouchType',
  description: 'What kind of interaction a touch was.',
  valuesConfig: {
    AD_CLICK: { description: 'Clicked a paid ad (search, social, display).' },
    EMAIL_OPEN: { description: 'Opened a marketing email.' },
    EMAIL_CLICK: { description: 'Clicked a link in a marketing email.' },
    FORM_SUBMIT: { description: 'Submitted a web form (demo request, contact, sign-up).' },
    CONTENT_DOWNLOAD: { description: 'Downloaded gated content (e-book, white paper, report).' },
    WEBINAR: { description: 'Registered for or attended a webinar.' },
    EVENT: { description: 'Met at an event, trade show or conference.' },
    WEB_VISIT: { description: 'Visited the website (a session, usually with UTM parameters).' },
    CHAT: { description: 'Chatted with the website chat or a bot.' },
    SALES_CALL: { description: 'A phone call with sales.' },
    SALES_MEETING: { description: 'A meeting with sales (in person or video).' },
    SALES_EMAIL: { description: 'A one-to-one email from sales.' },
    OTHER: { description: 'Any other interaction.' },
  },
});

registerEnumType(DealStatus, {
  name: 'DealStatus',
  description: 'Whether a deal is still being worked, won or lost.',
  valuesConfig: {
    OPEN: { description: 'In the pipeline; closedAt is empty.' },
    WON: { description: 'Closed as won: revenue, at closedAt.' },
    LOST: { description: 'Closed as lost, at closedAt.' },
  },
});

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why an ingested item was refused. When any item is refused, the whole batch is refused.',
  valuesConfig: {
    REQUIRED: { description: 'A required field is missing or empty.' },
    TOO_LONG: { description: 'A text is longer than its limit.' },
    INVALID_VALUE: { description: 'A value is not one of those allowed (enum, slug, email, boolean).' },
    INVALID_TIMESTAMP: { description: 'Not an ISO 8601 timestamp; without an offset, UTC is assumed.' },
    INVALID_DATE: { description: 'Not a calendar date written YYYY-MM-DD.' },
    IN_FUTURE: { description: 'A timestamp more than one day ahead of the server clock.' },
    INVALID_DATE_ORDER: { description: 'An end before its start (closedAt before createdAt, endsOn before startsOn).' },
    INVALID_AMOUNT: { description: 'Not a decimal amount such as 1234.50.' },
    NEGATIVE_AMOUNT: { description: 'Money amounts cannot be negative.' },
    TOO_MANY_DECIMALS: { description: "More decimals than the currency's minor unit allows (USD 2, JPY 0)." },
    UNKNOWN_CURRENCY: { description: 'Not an ISO 4217 currency code.' },
    UNKNOWN_REFERENCE: { description: 'An externalId that names no known record; send the referenced record first.' },
    DUPLICATE_IN_BATCH: { description: 'The same key appears more than once in one batch.' },
    CONFLICT: { description: 'The value belongs to another record (for example an email used by another lead).' },
    INVALID_JSON: { description: 'Not the JSON shape expected.' },
    PRIMARY_CONTACT: { description: 'A deal with contacts needs exactly one primary contact, each lead listed once.' },
    MERGE_CYCLE: { description: 'A merge into itself, or into a record that was merged into this one: it would leave no survivor.' },
    TOO_MANY_LEADS: { description: 'A visitor linked to more distinct leads than a browser or device plausibly serves (a shared or spoofed id).' },
  },
});

registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction of a list.',
  valuesConfig: {
    ASC: { description: 'Ascending: oldest, smallest, A first.' },
    DESC: { description: 'Descending: newest, largest, Z first.' },
  },
});

registerEnumType(CampaignOrderField, {
  name: 'CampaignOrderField',
  description: 'What campaigns can be ordered by.',
  valuesConfig: {
    NAME: { description: 'Campaign name, in the database collation.' },
    STARTS_ON: { description: 'First day of the campaign; campaigns without one come after all others in ascending order.' },
    RECORDED_AT: { description: 'When the campaign was first received by this service.' },
  },
});

registerEnumType(AccountOrderField, {
  name: 'AccountOrderField',
  description: 'What accounts can be ordered by.',
  valuesConfig: {
    NAME: { description: 'Company name, in the database collation.' },
    RECORDED_AT: { description: 'When the account was first received by this service.' },
  },
});

registerEnumType(LeadOrderField, {
  name: 'LeadOrderField',
  description: 'What leads can be ordered by.',
  valuesConfig: {
    CREATED_AT: { description: 'When the lead was created in the source system.' },
    STAGE_CHANGED_AT: { description: 'When the lead entered its current lifecycle stage.' },
    NAME: { description: 'Full name; leads without one come first in ascending order.' },
    EMAIL: { description: 'Email address ignoring case; leads without one come first in ascending order.' },
  },
});

registerEnumType(TouchOrderField, {
  name: 'TouchOrderField',
  description: 'What touches can be ordered by.',
  valuesConfig: {
    OCCURRED_AT: { description: 'When the interaction happened.' },
  },
});

registerEnumType(DealOrderField, {
  name: 'DealOrderField',
  description: 'What deals can be ordered by.',
  valuesConfig: {
    CREATED_AT: { description: 'When the deal was created in the CRM.' },
    CLOSED_AT: { description: 'When the deal was won or lost; open deals come after all closed ones in ascending order.' },
    AMOUNT: {
      description: 'Deal value as a decimal in its own currency, without conversion: 100 JPY sorts below 5 USD. Filter by '
        + 'currency to compare like with like.',
    },
    NAME: { description: 'Deal name, in the database collation.' },
  },
});
