import { Channel } from './channel-catalog';
import { DATA_END, DATA_MONTHS, DAY, monthStart } from './calendar';
import { REGIONS, RegionCode } from './market-catalog';

export interface PlannedCampaign {
  externalId: string;
  name: string;
  channel: Channel;
  /** null: runs for every region. */
  region: RegionCode | null;
  utmSource: string;
  utmMedium: string;
  utmCampaign: string;
  startsOn: number;
  /** Inclusive last day. */
  endsOn: number;
  currency: string;
  /** Typical monthly spend in USD. */
  monthlyUsd: number;
}

type CampaignDraft = Omit<PlannedCampaign, 'externalId' | 'currency'>;

const LAST_DAY = DATA_END - DAY;
const monthName = (month: number) => new Date(monthStart(month)).toISOString().slice(0, 7);
const quarterName = (month: number) => `${2025 + Math.floor(month / 12)} Q${Math.floor((month % 12) / 3) + 1}`;
const slugOf = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function draft(
  channel: Channel, name: string, region: RegionCode | null, source: string, medium: string,
  [fromMonth, toMonth]: [number, number], monthlyUsd: number,
): CampaignDraft {
  const endsOn = toMonth >= DATA_MONTHS ? LAST_DAY : monthStart(toMonth) - DAY;
  return {
    channel, name, region, utmSource: source, utmMedium: medium, utmCampaign: slugOf(name),
    startsOn: monthStart(fromMonth), endsOn, monthlyUsd,
  };
}

const everyQuarter = (from = 0) => Array.from({ length: (DATA_MONTHS - from) / 3 }, (_, index) => from + index * 3);
const WHOLE: [number, number] = [0, DATA_MONTHS];

function searchAndSocial(): CampaignDraft[] {
  const search: Array<[string, RegionCode]> = [
    ['Brand', 'NA'], ['Competitor', 'NA'], ['Generic', 'NA'], ['Brand', 'EU'], ['Generic', 'EU'], ['Generic', 'UK'],
    ['Generic', 'JP'],
  ];
  return [
    ...search.map(([theme, region]) =>
      draft('paid_search', `Paid Search ${theme} ${region}`, region, 'google', 'cpc', WHOLE, theme === 'Generic' ? 9_000 : 4_000)),
    ...everyQuarter().map((month) =>
      draft('paid_social', `LinkedIn ABM ${quarterName(month)}`, 'NA', 'linkedin', 'paid_social', [month, month + 3], 12_000)),
    ...everyQuarter().filter((_, index) => index % 2 === 0).map((month) =>
      draft('paid_social', `LinkedIn EMEA ${quarterName(month)}`, 'EU', 'linkedin', 'paid_social', [month, month + 6], 6_000)),
    ...everyQuarter().map((month) =>
      draft('display', `Retargeting ${quarterName(month)}`, null, 'adroll', 'display', [month, month + 3], 5_000)),
  ];
}

function ownedAndEvents(): CampaignDraft[] {
  const months = Array.from({ length: DATA_MONTHS }, (_, month) => month);
  return [
    draft('email', 'Nurture Program', null, 'marketo', 'email', WHOLE, 1_500),
    ...everyQuarter().map((month) =>
      draft('email', `Newsletter ${quarterName(month)}`, null, 'marketo', 'email', [month, month + 3], 800)),
    ...months.map((month) =>
      draft('webinar', `Webinar ${monthName(month)}`, null, 'zoom', 'webinar', [month, month + 1], 3_000)),
    ...everyQuarter().map((month) =>
      draft('event', `Field Events ${quarterName(month)}`, 'NA', 'event', 'event', [month, month + 3], 25_000)),
    ...everyQuarter(3).filter((_, index) => index % 2 === 0).map((month) =>
      draft('event', `EMEA Summit ${quarterName(month)}`, 'EU', 'event', 'event', [month, month + 3], 30_000)),
    ...[0, 6, 12].map((month, index) =>
      draft('content', `Ebook ${['Attribution 101', 'Pipeline Math', 'Revenue Playbook'][index]}`, null, 'website',
        'content', [month, DATA_MONTHS], 2_000)),
    ...['Northwind Consulting', 'Summit Integrators', 'Orchid Agency'].map((partner) =>
      draft('partner', `Partner ${partner}`, null, slugOf(partner), 'partner', WHOLE, 2_500)),
  ];
}

/** Campaigns across channels and regions, numbered CMP-0001 ... in a fixed order. */
export function planCampaigns(): PlannedCampaign[] {
  return [...searchAndSocial(), ...ownedAndEvents()].map((campaign, index) => ({
    ...campaign,
    externalId: `CMP-${String(index + 1).padStart(4, '0')}`,
    currency: REGIONS[campaign.region ?? 'NA'].currency,
  }));
}

/** For each region, channel and month: the campaigns a touch then may belong to. */
export type CampaignIndex = Record<RegionCode, Partial<Record<Channel, PlannedCampaign[][]>>>;

export function indexCampaigns(campaigns: readonly PlannedCampaign[]): CampaignIndex {
  const index = { NA: {}, EU: {}, UK: {}, JP: {} } as CampaignIndex;
  for (const region of Object.keys(index) as RegionCode[]) {
    for (const channel of new Set(campaigns.map((campaign) => campaign.channel))) {
      index[region][channel] = Array.from({ length: DATA_MONTHS }, (_, month) => {
        const live = campaigns.filter((campaign) =>
          campaign.channel === channel && campaign.startsOn <= monthStart(month) && campaign.endsOn >= monthStart(month));
        const local = live.filter((campaign) => campaign.region === region || campaign.region === null);
        // A region without a campaign of its own sees the others' (a UK visitor clicks a US ad).
        return local.length > 0 ? local : live;
      });
    }
  }
  return index;
}
