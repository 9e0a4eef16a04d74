// The database enum types (see the initial migration), shared by ingestion, reports and GraphQL.
export enum LifecycleStage {
  SUBSCRIBER = 'SUBSCRIBER',
  LEAD = 'LEAD',
  MQL = 'MQL',
  SQL = 'SQL',
  OPPORTUNITY = 'OPPORTUNITY',
  CUSTOMER = 'CUSTOMER',
  DISQUALIFIED = 'DISQUALIFIED',
}

export enum TouchType {
  AD_CLICK = 'AD_CLICK',
  EMAIL_OPEN = 'EMAIL_OPEN',
  EMAIL_CLICK = 'EMAIL_CLICK',
  FORM_SUBMIT = 'FORM_SUBMIT',
  CONTENT_DOWNLOAD = 'CONTENT_DOWNLOAD',
  WEBINAR = 'WEBINAR',
  EVENT = 'EVENT',
  WEB_VISIT = 'WEB_VISIT',
  CHAT = 'CHAT',
  SALES_CALL = 'SALES_CALL',
  SALES_MEETING = 'SALES_MEETING',
  SALES_EMAIL = 'SALES_EMAIL',
  OTHER = 'OTHER',
}

export enum DealStatus {
  OPEN = 'OPEN',
  WON = 'WON',
  LOST = 'LOST',
}
