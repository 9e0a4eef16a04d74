import { TouchType } from '../database/enums';
import { CampaignIndex, PlannedCampaign } from './campaign-plan';
import { DATA_END, DATA_MONTHS, DAY, HOUR, isoTime, monthOf } from './calendar';
import { CHANNELS, Channel, DISCOVERY_MIX, EVALUATION_MIX, NURTURE_MIX } from './channel-catalog';
import { CsvSource } from './csv-source';
import { DemoWorld, PlannedAccount, PlannedLead } from './demo-world';
import { activeUntil, touchTotal } from './lifecycle-plan';
import { RandomStreams, SeededRandom } from './random';

export const TOUCH_COLUMNS = [
  'externalId', 'leadExternalId', 'campaignExternalId', 'channel', 'type', 'occurredAt',
  'utmSource', 'utmMedium', 'utmCampaign', 'utmContent', 'utmTerm', 'properties',
] as const;

const EVALUATION_DAYS = 45;
const SALES_LEAD_IN_DAYS = 20;
const FOLLOW_UP_DAYS = 45;

// Already CSV-quoted JSON, so the hot loop only concatenates.
const PAGES = ['/', '/pricing', '/product', '/customers', '/blog/attribution-models', '/docs', '/demo']
  .map((page) => `"{""page"":""${page}""}"`);
const SEARCH_TERMS = ['marketing attribution', 'b2b attribution software', 'multi touch attribution',
  'pipeline attribution', 'revenue attribution tool', 'attribution model comparison'];
const AD_VARIANTS = ['ad-1', 'ad-2', 'ad-3', 'ad-4'];
const EMAIL_LINKS = ['cta-button', 'cta-link', 'footer'];
const AD_CHANNELS = new Set<Channel>(['paid_search', 'paid_social', 'display']);

/** Writes the touches of planned leads as CSV records, numbered on from `count` in lead order. */
class TouchWriter {
  private random: SeededRandom;

  constructor(private readonly campaigns: CampaignIndex, private count: number) {}

  /** Each account draws from its own random stream. */
  *linesOf(account: PlannedAccount, random: SeededRandom): Generator<string> {
    this.random = random;
    for (const lead of account.leads) yield* this.leadLines(lead);
  }

  private *leadLines(lead: PlannedLead): Generator<string> {
    const { touches } = lead;
    for (let index = 0; index < touches.discovery; index++) {
      yield this.touch(lead, this.random.weighted(DISCOVERY_MIX), lead.createdAt - this.between(HOUR, 30 * DAY));
    }
    yield this.touch(lead, lead.source, lead.createdAt, CHANNELS[lead.source].conversion);
    const end = activeUntil(lead);
    for (let index = 0; index < touches.nurture; index++) {
      yield this.touch(lead, this.random.weighted(NURTURE_MIX), lead.createdAt + this.between(HOUR, Math.max(HOUR, end - lead.createdAt)));
    }
    for (const [position, deal] of lead.deals.entries()) {
      // Research clusters just before the deal is created.
      const span = Math.min(EVALUATION_DAYS * DAY, deal.createdAt - lead.createdAt);
      for (let index = 0; index < touches.evaluation[position]; index++) {
        const closeness = this.random.float();
        yield this.touch(lead, this.random.weighted(EVALUATION_MIX), deal.createdAt - Math.floor(span * closeness * closeness));
      }
      const from = Math.max(lead.mqlAt as number, deal.createdAt - SALES_LEAD_IN_DAYS * DAY);
      yield* this.sales(lead, touches.sales[position], from, deal.closedAt ?? DATA_END - HOUR);
    }
    if (lead.mqlAt !== null) {
      yield* this.sales(lead, touches.followUp, lead.mqlAt, Math.min(lead.mqlAt + FOLLOW_UP_DAYS * DAY, DATA_END - HOUR));
    }
  }

  private *sales(lead: PlannedLead, count: number, from: number, until: number): Generator<string> {
    for (let index = 0; index < count; index++) yield this.touch(lead, 'sales', from + this.between(0, until - from));
  }

  private between(min: number, max: number): number {
    return min + Math.floor(this.random.float() * (max - min));
  }

  private touch(lead: PlannedLead, channel: Channel, time: number, type?: TouchType): string {
    const id = `T-${String(++this.count).padStart(7, '0')}`;
    const kind = type ?? this.random.weighted(CHANNELS[channel].types);
    const campaign = this.campaignAt(lead, channel, time);
    const utm = campaign ? this.campaignUtm(campaign) : this.channelUtm(channel);
    const properties = kind === TouchType.WEB_VISIT ? this.random.pick(PAGES) : '';
    return `${id},${lead.externalId},${campaign?.externalId ?? ''},${channel},${kind},${isoTime(time)},${utm},${properties}\n`;
  }

  private campaignAt(lead: PlannedLead, channel: Channel, time: number): PlannedCampaign | undefined {
    const month = Math.min(DATA_MONTHS - 1, Math.max(0, monthOf(time)));
    const live = this.campaigns[lead.account.region.code][channel]?.[month];
    return live && live.length > 0 ? this.random.pick(live) : undefined;
  }

  /** utm_source, utm_medium, utm_campaign, utm_content and utm_term of a campaign's touch. */
  private campaignUtm(campaign: PlannedCampaign): string {
    const { channel } = campaign;
    const content = channel === 'email' ? this.random.pick(EMAIL_LINKS) : AD_CHANNELS.has(channel) ? this.random.pick(AD_VARIANTS) : '';
    const term = channel === 'paid_search' ? this.random.pick(SEARCH_TERMS) : '';
    return `${campaign.utmSource},${campaign.utmMedium},${campaign.utmCampaign},${content},${term}`;
  }

  private channelUtm(channel: Channel): string {
    const utm = CHANNELS[channel].utm;
    return utm ? `${this.random.pick(utm.source)},${utm.medium},,,` : ',,,,';
  }
}

interface AccountSlice {
  first: number;
  accounts: PlannedAccount[];
  /** Touches before the slice (its first touch is number firstTouch + 1). */
  firstTouch: number;
  touches: number;
}

const accountTouches = (account: PlannedAccount) => account.leads.reduce((sum, lead) => sum + touchTotal(lead), 0);

// Contiguous runs of accounts with about the same number of touches each.
function sliceAccounts(accounts: readonly PlannedAccount[], parts: number, total: number): AccountSlice[] {
  const slices: AccountSlice[] = [];
  let current: AccountSlice = { first: 0, accounts: [], firstTouch: 0, touches: 0 };
  for (const [index, account] of accounts.entries()) {
    if (current.firstTouch + current.touches >= (total * (slices.length + 1)) / parts && current.accounts.length > 0) {
      slices.push(current);
      current = { first: index, accounts: [], firstTouch: current.firstTouch + current.touches, touches: 0 };
    }
    current.accounts.push(account);
    current.touches += accountTouches(account);
  }
  return [...slices, current];
}

/**
 * The touches of every planned lead (T-0000001 ... in lead order) in `parts` sources that can be
 * loaded side by side; the rows are the same whatever the number of parts.
 */
export function touchSources(world: DemoWorld, campaigns: CampaignIndex, seed: number, parts: number): CsvSource[] {
  return sliceAccounts(world.accounts, parts, world.touchCount).map((slice) => ({
    header: TOUCH_COLUMNS,
    total: slice.touches,
    lines: function* touchLines() {
      const streams = new RandomStreams(seed);
      const writer = new TouchWriter(campaigns, slice.firstTouch);
      for (const [offset, account] of slice.accounts.entries()) yield* writer.linesOf(account, streams.at(slice.first + offset));
    },
  }));
}
