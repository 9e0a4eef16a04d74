import { TouchType } from '../database/enums';
import { CampaignIndex, PlannedCampaign } from './campaign-plan';
import { DATA_END, DATA_MONTHS, DATA_START, DAY, HOUR, isoTime, monthOf } from './calendar';
import { CHANNELS, Channel, DISCOVERY_MIX, EVALUATION_MIX, NURTURE_MIX } from './channel-catalog';
import { CsvSource } from './csv-source';
import { DemoWorld, PlannedAccount, PlannedLead } from './demo-world';
import { activeUntil, touchTotal } from './lifecycle-plan';
import { RandomStreams, SeededRandom } from './random';

export const TOUCH_COLUMNS = [
  'externalId', 'leadExternalId', 'campaignExternalId', 'channel', 'type', 'occurredAt',
  'utmSource', 'utmMedium', 'utmCampaign', 'utmContent', 'utmTerm', 'properties', 'visitorId',
] as const;

/**
 * The browsers of a lead's anonymous visits before it was created: one, or two (a laptop and a
 * phone) for leads with three visits or more. The form fill identifies them all.
 */
export function visitorsOf(lead: PlannedLead): string[] {
  const { discovery } = lead.touches;
  const browser = `V-${lead.externalId.slice(2)}`;
  if (discovery === 0) return [];
  return discovery >= 3 ? [browser, `${browser}-2`] : [browser];
}

/** Whose touch it is: a lead, or a visitor not yet identified. */
interface Toucher {
  account: PlannedAccount;
  leadExternalId: string;
  visitorId: string;
}

const leadToucher = (lead: PlannedLead): Toucher => ({ account: lead.account, leadExternalId: lead.externalId, visitorId: '' });

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

  constructor(private readonly campaigns: CampaignIndex, private count: number, private readonly prefix = 'T-') {}

  /** Each account draws from its own random stream. */
  *linesOf(account: PlannedAccount, random: SeededRandom): Generator<string> {
    this.random = random;
    for (const lead of account.leads) yield* this.leadLines(lead);
  }

  private *leadLines(lead: PlannedLead): Generator<string> {
    const { touches } = lead;
    const visitors = visitorsOf(lead);
    for (let index = 0; index < touches.discovery; index++) {
      const visitor = { account: lead.account, leadExternalId: '', visitorId: visitors[index % visitors.length] };
      yield this.touch(visitor, this.random.weighted(DISCOVERY_MIX), lead.createdAt - this.between(HOUR, 30 * DAY));
    }
    const toucher = leadToucher(lead);
    yield this.touch(toucher, lead.source, lead.createdAt, CHANNELS[lead.source].conversion);
    const end = activeUntil(lead);
    for (let index = 0; index < touches.nurture; index++) {
      yield this.touch(toucher, this.random.weighted(NURTURE_MIX), lead.createdAt + this.between(HOUR, Math.max(HOUR, end - lead.createdAt)));
    }
    for (const [position, deal] of lead.deals.entries()) {
      // Research clusters just before the deal is created.
      const span = Math.min(EVALUATION_DAYS * DAY, deal.createdAt - lead.createdAt);
      for (let index = 0; index < touches.evaluation[position]; index++) {
        const closeness = this.random.float();
        yield this.touch(toucher, this.random.weighted(EVALUATION_MIX), deal.createdAt - Math.floor(span * closeness * closeness));
      }
      const from = Math.max(lead.mqlAt as number, deal.createdAt - SALES_LEAD_IN_DAYS * DAY);
      yield* this.sales(lead, touches.sales[position], from, deal.closedAt ?? DATA_END - HOUR);
    }
    if (lead.mqlAt !== null) {
      yield* this.sales(lead, touches.followUp, lead.mqlAt, Math.min(lead.mqlAt + FOLLOW_UP_DAYS * DAY, DATA_END - HOUR));
    }
  }

  private *sales(lead: PlannedLead, count: number, from: number, until: number): Generator<string> {
    for (let index = 0; index < count; index++) yield this.touch(leadToucher(lead), 'sales', from + this.between(0, until - from));
  }

  /** The visits of someone who never fills in a form, within two days somewhere in the data window. */
  *anonymousLines({ account, visitorId, visits, random }: AnonymousVisitor): Generator<string> {
    this.random = random;
    const visitor = { account, leadExternalId: '', visitorId };
    const first = this.between(DATA_START, DATA_END - 3 * DAY);
    for (let index = 0; index < visits; index++) {
      yield this.touch(visitor, this.random.weighted(DISCOVERY_MIX), first + this.between(0, 2 * DAY));
    }
  }

  private between(min: number, max: number): number {
    return min + Math.floor(this.random.float() * (max - min));
  }

  private touch(who: Toucher, channel: Channel, time: number, type?: TouchType): string {
    const id = `${this.prefix}${String(++this.count).padStart(7, '0')}`;
    const kind = type ?? this.random.weighted(CHANNELS[channel].types);
    const campaign = this.campaignAt(who.account, channel, time);
    const utm = campaign ? this.campaignUtm(campaign) : this.channelUtm(channel);
    const properties = kind === TouchType.WEB_VISIT ? this.random.pick(PAGES) : '';
    return `${id},${who.leadExternalId},${campaign?.externalId ?? ''},${channel},${kind},${isoTime(time)},${utm},`
      + `${properties},${who.visitorId}\n`;
  }

  private campaignAt(account: PlannedAccount, channel: Channel, time: number): PlannedCampaign | undefined {
    const month = Math.min(DATA_MONTHS - 1, Math.max(0, monthOf(time)));
    const live = this.campaigns[account.region.code][channel]?.[month];
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

/** A visitor who never identifies: where they browse from and how many visits they make. */
interface AnonymousVisitor {
  account: PlannedAccount;
  visitorId: string;
  visits: number;
  random: SeededRandom;
}

function* anonymousVisitors(world: DemoWorld, seed: number): Generator<AnonymousVisitor> {
  const streams = new RandomStreams(seed);
  const count = Math.floor(world.leads.length / 4);
  for (let index = 0; index < count; index++) {
    const random = streams.at(index);
    const account = world.accounts[random.int(0, world.accounts.length - 1)];
    yield { account, visitorId: `V-A${String(index + 1).padStart(6, '0')}`, visits: random.int(1, 3), random };
  }
}

/** Anonymous visitors who never identify: one per four leads, in accounts' regions, numbered TA-0000001 ... */
export function anonymousTouchSource(world: DemoWorld, campaigns: CampaignIndex, seed: number): CsvSource {
  let total = 0;
  for (const visitor of anonymousVisitors(world, seed)) total += visitor.visits;
  return {
    header: TOUCH_COLUMNS,
    total,
    lines: function* anonymousLines() {
      const writer = new TouchWriter(campaigns, 0, 'TA-');
      for (const visitor of anonymousVisitors(world, seed)) yield* writer.anonymousLines(visitor);
    },
  };
}
