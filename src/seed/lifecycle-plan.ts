import { DealStatus, LifecycleStage } from '../database/enums';
import { DATA_END, DAY, HOUR } from './calendar';
import { PlannedLead } from './demo-world';
import { SeededRandom } from './random';

const QUALIFY_RATE = 0.35;
const SQL_RATE = 0.25;
const DISQUALIFY_RATE = 0.06;
const NURTURE_DAYS_PER_TOUCH = 32;
/** How long a lead without deals keeps receiving touches. */
const ACTIVE_DAYS_WITHOUT_DEAL = 240;

/** The last moment a lead is touched: its last deal's close, or some months of nurture. */
export function activeUntil(lead: PlannedLead): number {
  if (lead.deals.length === 0) return Math.min(DATA_END - HOUR, lead.createdAt + ACTIVE_DAYS_WITHOUT_DEAL * DAY);
  return lead.deals.reduce((last, deal) => Math.max(last, deal.closedAt ?? DATA_END - HOUR), lead.createdAt);
}

function moveTo(lead: PlannedLead, stage: LifecycleStage, at: number): void {
  lead.stage = stage;
  lead.stageChangedAt = at;
}

const after = (random: SeededRandom, time: number, minDays: number, maxDays: number) =>
  time + random.int(minDays, maxDays) * DAY + random.int(0, 8) * HOUR;

// A deal contact's stage follows its deals: CUSTOMER once one is won, OPPORTUNITY while one is
// open, and after lost deals only, disqualified or recycled to MQL.
function stageFromDeals(random: SeededRandom, lead: PlannedLead): void {
  const first = lead.deals[0];
  lead.mqlAt = lead.createdAt + Math.floor((first.createdAt - lead.createdAt) * (0.2 + 0.6 * random.float()));
  const won = lead.deals.find((deal) => deal.status === DealStatus.WON);
  const open = lead.deals.find((deal) => deal.status === DealStatus.OPEN);
  if (won) moveTo(lead, LifecycleStage.CUSTOMER, won.closedAt as number);
  else if (open) moveTo(lead, LifecycleStage.OPPORTUNITY, open.createdAt);
  else {
    const lastClose = Math.max(...lead.deals.map((deal) => deal.closedAt as number));
    moveTo(lead, random.chance(0.4) ? LifecycleStage.DISQUALIFIED : LifecycleStage.MQL, lastClose);
  }
}

function stageWithoutDeals(random: SeededRandom, lead: PlannedLead): void {
  if (random.chance(DISQUALIFY_RATE)) {
    moveTo(lead, LifecycleStage.DISQUALIFIED, Math.min(after(random, lead.createdAt, 1, 30), DATA_END - HOUR));
    return;
  }
  // Content downloads often only subscribe people to the newsletter.
  moveTo(lead, lead.source === 'content' && random.chance(0.4) ? LifecycleStage.SUBSCRIBER : LifecycleStage.LEAD, lead.createdAt);
  const mqlAt = after(random, lead.createdAt, 2, 60);
  if (!random.chance(QUALIFY_RATE) || mqlAt >= DATA_END) return;
  lead.mqlAt = mqlAt;
  moveTo(lead, LifecycleStage.MQL, mqlAt);
  const sqlAt = after(random, mqlAt, 1, 20);
  if (random.chance(SQL_RATE) && sqlAt < DATA_END) moveTo(lead, LifecycleStage.SQL, sqlAt);
}

// Touches cluster around deals: each contact researches before the deal exists, the primary
// contact gets most of the sales attention.
function touchBudget(random: SeededRandom, lead: PlannedLead): void {
  const activeDays = (activeUntil(lead) - lead.createdAt) / DAY;
  lead.touches = {
    discovery: random.int(0, 3),
    nurture: random.int(0, Math.ceil(activeDays / NURTURE_DAYS_PER_TOUCH)),
    evaluation: lead.deals.map(() => random.int(2, 8)),
    sales: lead.deals.map((deal) => (deal.contacts[0] === lead ? random.int(2, 6) : random.int(0, 2))),
    followUp: lead.deals.length === 0 && lead.mqlAt !== null ? random.int(1, 3) : 0,
  };
}

/** Lifecycle stages consistent with the deals, qualification times and touch budgets. */
export function planLifecycles(random: SeededRandom, leads: readonly PlannedLead[]): void {
  for (const lead of leads) {
    if (lead.deals.length > 0) stageFromDeals(random, lead);
    else stageWithoutDeals(random, lead);
    touchBudget(random, lead);
  }
}

/** Touches of a lead including the one that created it. */
export const touchTotal = ({ touches }: PlannedLead) =>
  1 + touches.discovery + touches.nurture + touches.followUp
  + touches.evaluation.reduce((sum, count) => sum + count, 0) + touches.sales.reduce((sum, count) => sum + count, 0);
