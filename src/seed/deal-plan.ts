import { DealStatus } from '../database/enums';
import { DATA_END, DAY, businessHours } from './calendar';
import { CHANNELS } from './channel-catalog';
import { PlannedAccount, PlannedDeal, PlannedLead } from './demo-world';
import { Region, SEGMENTS } from './market-catalog';
import { OPEN_DEAL_STAGES } from './name-catalog';
import { SeededRandom, Weighted } from './random';

const DEALS_PER_ACCOUNT: Weighted<number>[] = [
  { value: 0, weight: 10 }, { value: 1, weight: 20 }, { value: 2, weight: 26 }, { value: 3, weight: 22 },
  { value: 4, weight: 13 }, { value: 5, weight: 9 },
];
/** Expansion deals close more often than new business. */
const EXPANSION_WIN_LIFT = 1.3;
const MAX_EXTRA_CONTACTS = 3;

// Deal amounts are round numbers in the deal's own currency.
function amountIn(usd: number, region: Region): string {
  const step = region.minorDigits === 0 ? 10_000 : 100;
  return String(Math.max(step, Math.round(usd / region.usdRate / step) * step));
}

function pickContacts(random: SeededRandom, leads: readonly PlannedLead[], createdAt: number): PlannedLead[] {
  const eligible = leads.filter((lead) => lead.createdAt <= createdAt - DAY);
  const count = 1 + random.int(0, Math.min(MAX_EXTRA_CONTACTS, eligible.length - 1));
  // A partial Fisher-Yates shuffle: the first pick is the primary contact.
  for (let index = 0; index < count; index++) {
    const other = random.int(index, eligible.length - 1);
    [eligible[index], eligible[other]] = [eligible[other], eligible[index]];
  }
  return eligible.slice(0, count);
}

function outcome(random: SeededRandom, account: PlannedAccount, expansion: boolean, createdAt: number) {
  const profile = SEGMENTS[account.segment];
  const cycleDays = random.int(...profile.cycleDays);
  const won = random.chance(CHANNELS[account.source].winRate * (expansion ? EXPANSION_WIN_LIFT : 1));
  // Lost deals tend to die before the typical cycle ends.
  const days = won ? cycleDays : Math.max(1, Math.floor(cycleDays * (0.4 + 0.5 * random.float())));
  const closedAt = createdAt - (createdAt % DAY) + days * DAY + businessHours(random);
  if (closedAt < DATA_END) {
    return won
      ? { status: DealStatus.WON, stage: 'Closed Won', closedAt }
      : { status: DealStatus.LOST, stage: 'Closed Lost', closedAt };
  }
  const progress = Math.min(0.99, (DATA_END - createdAt) / (cycleDays * DAY));
  return { status: DealStatus.OPEN, stage: OPEN_DEAL_STAGES[Math.floor(progress * OPEN_DEAL_STAGES.length)], closedAt: null };
}

function planDeal(random: SeededRandom, account: PlannedAccount, index: number, createdAt: number, externalId: string): PlannedDeal {
  const [low, high] = SEGMENTS[account.segment].amount;
  const expansion = index > 0;
  const usd = random.int(low, high) * (expansion ? 0.2 + 0.3 * random.float() : 1);
  const deal: PlannedDeal = {
    externalId,
    name: `${account.name}: ${expansion ? `Expansion ${index}` : 'New Business'}`,
    account,
    amount: amountIn(usd, account.region),
    currency: account.region.currency,
    createdAt,
    contacts: pickContacts(random, account.leads, createdAt),
    ...outcome(random, account, expansion, createdAt),
  };
  for (const lead of deal.contacts) lead.deals.push(deal);
  return deal;
}

/** A new-business deal some weeks after the first lead, then expansions; D-00001 ... in account order. */
export function planDeals(random: SeededRandom, accounts: readonly PlannedAccount[]): PlannedDeal[] {
  const deals: PlannedDeal[] = [];
  for (const account of accounts) {
    const wanted = random.weighted(DEALS_PER_ACCOUNT);
    let createdAt = account.leads[0].createdAt + random.int(7, 90) * DAY;
    for (let index = 0; index < wanted && createdAt < DATA_END - DAY; index++) {
      const externalId = `D-${String(deals.length + 1).padStart(5, '0')}`;
      account.deals.push(planDeal(random, account, index, createdAt, externalId));
      deals.push(account.deals[index]);
      createdAt += random.int(30, 150) * DAY;
    }
  }
  return deals;
}
