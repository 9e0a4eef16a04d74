import { TouchType } from '../database/enums';
import { Weighted } from './random';

export type Channel =
  | 'paid_search' | 'paid_social' | 'display' | 'email' | 'webinar' | 'event' | 'content'
  | 'organic_search' | 'social' | 'referral' | 'partner' | 'direct' | 'sales';

/** How a channel shows up in the data. */
export interface ChannelProfile {
  /** Touch types of ordinary touches on this channel. */
  types: readonly Weighted<TouchType>[];
  /** The touch type when this channel turns a visitor into a lead. */
  conversion: TouchType;
  /** Share of deals won when the account came in through this channel. */
  winRate: number;
  /** UTM source and medium of touches without a campaign (campaign touches use the campaign's). */
  utm?: { source: readonly string[]; medium: string };
}

const only = (type: TouchType): Weighted<TouchType>[] => [{ value: type, weight: 1 }];

export const CHANNELS: Record<Channel, ChannelProfile> = {
  paid_search: { types: only(TouchType.AD_CLICK), conversion: TouchType.FORM_SUBMIT, winRate: 0.24 },
  paid_social: { types: only(TouchType.AD_CLICK), conversion: TouchType.FORM_SUBMIT, winRate: 0.17 },
  display: { types: only(TouchType.AD_CLICK), conversion: TouchType.FORM_SUBMIT, winRate: 0.13 },
  email: {
    types: [{ value: TouchType.EMAIL_OPEN, weight: 3 }, { value: TouchType.EMAIL_CLICK, weight: 1 }],
    conversion: TouchType.EMAIL_CLICK,
    winRate: 0.22,
  },
  webinar: { types: only(TouchType.WEBINAR), conversion: TouchType.WEBINAR, winRate: 0.29 },
  event: { types: only(TouchType.EVENT), conversion: TouchType.EVENT, winRate: 0.33 },
  content: { types: only(TouchType.CONTENT_DOWNLOAD), conversion: TouchType.CONTENT_DOWNLOAD, winRate: 0.21 },
  organic_search: {
    types: only(TouchType.WEB_VISIT),
    conversion: TouchType.FORM_SUBMIT,
    winRate: 0.26,
    utm: { source: ['google', 'bing'], medium: 'organic' },
  },
  social: {
    types: only(TouchType.WEB_VISIT),
    conversion: TouchType.FORM_SUBMIT,
    winRate: 0.16,
    utm: { source: ['linkedin', 'x', 'youtube'], medium: 'social' },
  },
  referral: {
    types: only(TouchType.WEB_VISIT),
    conversion: TouchType.FORM_SUBMIT,
    winRate: 0.38,
    utm: { source: ['g2.com', 'capterra.com', 'newsletter.example'], medium: 'referral' },
  },
  partner: { types: only(TouchType.WEB_VISIT), conversion: TouchType.FORM_SUBMIT, winRate: 0.34 },
  direct: {
    types: [{ value: TouchType.WEB_VISIT, weight: 4 }, { value: TouchType.CHAT, weight: 1 }],
    conversion: TouchType.FORM_SUBMIT,
    winRate: 0.27,
  },
  sales: {
    types: [
      { value: TouchType.SALES_EMAIL, weight: 5 },
      { value: TouchType.SALES_CALL, weight: 3 },
      { value: TouchType.SALES_MEETING, weight: 2 },
    ],
    conversion: TouchType.SALES_MEETING,
    winRate: 0.2,
  },
};

const mix = (weights: Partial<Record<Channel, number>>): Weighted<Channel>[] =>
  Object.entries(weights).map(([value, weight]) => ({ value: value as Channel, weight: weight as number }));

/** Where new leads come from (sales touches only follow an MQL, so sales is not among them). */
export const ACQUISITION_MIX = mix({
  paid_search: 18, organic_search: 16, paid_social: 10, content: 10, webinar: 9, event: 6,
  referral: 7, partner: 6, direct: 10, display: 4, social: 4,
});

/** Anonymous visits before a lead fills in a form. */
export const DISCOVERY_MIX = mix({
  paid_search: 5, organic_search: 6, paid_social: 3, display: 3, social: 2, content: 2, direct: 3, referral: 1,
});

/** Nurture of known leads. */
export const NURTURE_MIX = mix({
  email: 12, content: 3, webinar: 2, paid_social: 2, display: 2, direct: 3, organic_search: 2, event: 1,
});

/** The weeks before a deal is created: the buying committee researches in earnest. */
export const EVALUATION_MIX = mix({
  email: 5, webinar: 3, event: 2, direct: 5, paid_search: 3, organic_search: 3, content: 3, referral: 1, partner: 1,
});
