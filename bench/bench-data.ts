import { TouchType } from '../src/database/enums';
import { CsvKind } from '../src/ingest/kinds';
import { CsvSource } from '../src/seed/csv-source';
import { SeededRandom } from '../src/seed/random';

// The benchmark's own data: simpler than the demo seed, but every touch carries every field a
// real sync sends (campaign reference, UTM parameters, often properties).

export const LEADS = 100_000;
const ACCOUNTS = 25_000;
const CAMPAIGNS = 100;
const START = Date.UTC(2025, 0, 1);
const SPAN = Date.UTC(2026, 5, 30) - START;

const CHANNELS = [
  { channel: 'paid_search', types: [TouchType.AD_CLICK], source: 'google', medium: 'cpc' },
  { channel: 'paid_social', types: [TouchType.AD_CLICK], source: 'linkedin', medium: 'paid_social' },
  { channel: 'display', types: [TouchType.AD_CLICK], source: 'adroll', medium: 'display' },
  { channel: 'email', types: [TouchType.EMAIL_OPEN, TouchType.EMAIL_CLICK], source: 'marketo', medium: 'email' },
  { channel: 'webinar', types: [TouchType.WEBINAR, TouchType.FORM_SUBMIT], source: 'zoom', medium: 'webinar' },
  { channel: 'content', types: [TouchType.CONTENT_DOWNLOAD], source: 'website', medium: 'content' },
];
const UNPAID = [
  { channel: 'organic_search', types: [TouchType.WEB_VISIT], source: 'google', medium: 'organic' },
  { channel: 'direct', types: [TouchType.WEB_VISIT, TouchType.CHAT], source: '', medium: '' },
  { channel: 'sales', types: [TouchType.SALES_CALL, TouchType.SALES_EMAIL, TouchType.SALES_MEETING], source: '', medium: '' },
];
const PAGES = ['/', '/pricing', '/product', '/customers', '/blog/attribution-models', '/docs'];
const TERMS = ['marketing attribution', 'b2b attribution software', 'multi touch attribution', 'pipeline attribution'];

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const campaignId = (index: number) => `CMP-${pad(index + 1, 4)}`;
const campaignChannel = (index: number) => CHANNELS[index % CHANNELS.length];

/** One touch as the GraphQL input takes it (absent optional fields are left out). */
export interface BenchTouch {
  externalId: string;
  leadExternalId: string;
  campaignExternalId?: string;
  channel: string;
  type: TouchType;
  occurredAt: string;
  utmSource?: string;
  utmMedium?: string;
  utmCampaign?: string;
  utmContent?: string;
  utmTerm?: string;
  properties?: Record<string, string>;
}

type TouchSource = Omit<BenchTouch, 'externalId' | 'leadExternalId' | 'occurredAt' | 'properties'>;

function campaignFields(random: SeededRandom): TouchSource {
  const campaign = random.int(0, CAMPAIGNS - 1);
  const profile = campaignChannel(campaign);
  return {
    campaignExternalId: campaignId(campaign),
    channel: profile.channel,
    type: random.pick(profile.types),
    utmSource: profile.source,
    utmMedium: profile.medium,
    utmCampaign: `campaign-${campaign + 1}`,
    utmContent: `ad-${random.int(1, 4)}`,
    utmTerm: profile.channel === 'paid_search' ? random.pick(TERMS) : undefined,
  };
}

function channelFields(random: SeededRandom): TouchSource {
  const profile = random.pick(UNPAID);
  return {
    channel: profile.channel,
    type: random.pick(profile.types),
    utmSource: profile.source || undefined,
    utmMedium: profile.medium || undefined,
  };
}

/** The `number`-th touch (from 1) of a series named by `prefix`; 80% belong to a campaign. */
export function benchTouch(random: SeededRandom, prefix: string, number: number): BenchTouch {
  const touch: BenchTouch = {
    externalId: `${prefix}-${pad(number, 7)}`,
    leadExternalId: `L-${pad(random.int(1, LEADS), 6)}`,
    occurredAt: new Date(START + Math.floor(random.float() * SPAN)).toISOString(),
    ...(random.chance(0.8) ? campaignFields(random) : channelFields(random)),
  };
  if (random.chance(0.3)) touch.properties = { page: random.pick(PAGES), referrer: 'https://www.google.com/' };
  return touch;
}

export const TOUCH_CSV_COLUMNS = [
  'externalId', 'leadExternalId', 'campaignExternalId', 'channel', 'type', 'occurredAt',
  'utmSource', 'utmMedium', 'utmCampaign', 'utmContent', 'utmTerm', 'properties',
] as const;

export function touchCsvLine(touch: BenchTouch): string {
  const properties = touch.properties ? `"${JSON.stringify(touch.properties).replace(/"/g, '""')}"` : '';
  return `${touch.externalId},${touch.leadExternalId},${touch.campaignExternalId ?? ''},${touch.channel},${touch.type},`
    + `${touch.occurredAt},${touch.utmSource ?? ''},${touch.utmMedium ?? ''},${touch.utmCampaign ?? ''},`
    + `${touch.utmContent ?? ''},${touch.utmTerm ?? ''},${properties}\n`;
}

const source = (header: readonly string[], total: number, line: (index: number) => string): CsvSource => ({
  header,
  total,
  lines: function* lines() {
    for (let index = 0; index < total; index++) yield line(index);
  },
});

/** What touches refer to: campaigns, accounts and leads, in import order. */
export function prerequisiteSources(): Array<[CsvKind, CsvSource]> {
  return [
    ['campaigns', source(['externalId', 'name', 'channel', 'utmSource', 'utmMedium', 'utmCampaign'], CAMPAIGNS, (index) => {
      const profile = campaignChannel(index);
      return `${campaignId(index)},Campaign ${index + 1},${profile.channel},${profile.source},${profile.medium},campaign-${index + 1}\n`;
    })],
    ['accounts', source(['externalId', 'name', 'domain'], ACCOUNTS, (index) =>
      `ACC-${pad(index + 1, 5)},Account ${index + 1},account-${index + 1}.example\n`)],
    ['leads', source(['externalId', 'accountExternalId', 'email', 'createdAt'], LEADS, (index) =>
      `L-${pad(index + 1, 6)},ACC-${pad((index % ACCOUNTS) + 1, 5)},lead-${index + 1}@account-${(index % ACCOUNTS) + 1}.example,`
      + `${new Date(START + (index % 365) * 86_400_000).toISOString()}\n`)],
  ];
}
