import { LifecycleStage } from '../database/enums';
import { DATA_END, DATA_START, DAY, HOUR, businessHours } from './calendar';
import { ACQUISITION_MIX } from './channel-catalog';
import { PlannedAccount, PlannedLead } from './demo-world';
import { INDUSTRIES, REGIONS, REGION_MIX, SEGMENTS, SEGMENT_MIX } from './market-catalog';
import { COMPANY_ENDINGS, COMPANY_KINDS, COMPANY_STEMS, DEAL_OWNERS, FIRST_NAMES, LAST_NAMES } from './name-catalog';
import { SeededRandom } from './random';

// Accounts appear from a month after the data starts (so their leads' earlier visits fit in the
// window), more of them later on: a growing company.
const FIRST_ACTIVITY = DATA_START + 30 * DAY;
const ACTIVITY_SPAN = DATA_END - 14 * DAY - FIRST_ACTIVITY;
const COMMITTEE_JOIN_DAYS = 200;

class AccountNamer {
  private readonly used = new Map<string, number>();

  constructor(private readonly random: SeededRandom) {}

  next(): { name: string; domain: string } {
    const stem = this.random.pick(COMPANY_STEMS) + this.random.pick(COMPANY_ENDINGS);
    const kind = this.random.pick(COMPANY_KINDS);
    const base = `${stem}${kind}`.toLowerCase();
    const seen = (this.used.get(base) ?? 0) + 1;
    this.used.set(base, seen);
    // Same-named companies exist; their domains must differ, since emails are unique.
    return { name: `${stem} ${kind}`, domain: `${base}${seen > 1 ? seen : ''}.example` };
  }
}

function planLeads(random: SeededRandom, account: PlannedAccount, firstActivity: number, nextLead: () => string): PlannedLead[] {
  const size = random.weighted(SEGMENTS[account.segment].committee);
  const emails = new Set<string>();
  return Array.from({ length: size }, (_, index) => {
    const latest = Math.min(COMMITTEE_JOIN_DAYS * DAY, DATA_END - HOUR - firstActivity);
    const day = index === 0 ? firstActivity : firstActivity + Math.floor(random.float() * latest / DAY) * DAY;
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    let local = `${first}.${last}`.toLowerCase();
    if (emails.has(local)) local = `${local}${index + 1}`;
    emails.add(local);
    return {
      externalId: nextLead(),
      account,
      email: `${local}@${account.domain}`,
      name: `${first} ${last}`,
      createdAt: Math.min(day + businessHours(random), DATA_END - 2 * HOUR),
      source: index === 0 ? account.source : random.weighted(ACQUISITION_MIX),
      mqlAt: null,
      stage: LifecycleStage.LEAD,
      stageChangedAt: 0,
      deals: [],
      touches: { discovery: 0, nurture: 0, evaluation: [], sales: [], followUp: 0 },
    };
  });
}

/** Accounts ACC-00001 ... with buying committees of 1-6 leads (L-000001 ...), in a fixed order. */
export function planAccounts(random: SeededRandom, count: number): PlannedAccount[] {
  const namer = new AccountNamer(random);
  let leadNumber = 0;
  const nextLead = () => `L-${String(++leadNumber).padStart(6, '0')}`;
  return Array.from({ length: count }, (_, index) => {
    const segment = random.weighted(SEGMENT_MIX);
    const account: PlannedAccount = {
      externalId: `ACC-${String(index + 1).padStart(5, '0')}`,
      ...namer.next(),
      segment,
      industry: random.pick(INDUSTRIES),
      size: random.pick(SEGMENTS[segment].sizes),
      region: REGIONS[random.weighted(REGION_MIX)],
      source: random.weighted(ACQUISITION_MIX),
      owner: random.pick(DEAL_OWNERS),
      leads: [],
      deals: [],
    };
    const spread = random.float();
    const firstActivity = FIRST_ACTIVITY + Math.floor((spread + Math.sqrt(spread)) / 2 * ACTIVITY_SPAN / DAY) * DAY;
    account.leads = planLeads(random, account, firstActivity, nextLead);
    return account;
  });
}
