import { CsvKind } from '../ingest/kinds';
import { accountSource, dealSource, leadSource, visitorLinkSource } from './account-rows';
import { indexCampaigns, planCampaigns } from './campaign-plan';
import { campaignSource, costSource } from './campaign-rows';
import { CsvSource } from './csv-source';
import { fxSource } from './fx-rows';
import { anonymousTouchSource, touchSources } from './touch-rows';
import { planWorld } from './world-plan';

export type SeedSize = 'small' | 'large';

interface SizeProfile {
  accounts: number;
  /** Campaign spend relative to the catalogue's monthly budgets, in line with the revenue. */
  spendScale: number;
}

// small: about 50k touches over 5k leads; large: about 1M touches over 100k leads in 25k accounts.
const SIZES: Record<SeedSize, SizeProfile> = {
  small: { accounts: 1_250, spendScale: 0.5 },
  large: { accounts: 25_000, spendScale: 10 },
};

// One fixed seed per stream, so that the kinds do not shift each other's random numbers.
const SEED = 20_250_101;
const STREAMS = { fx: 1, costs: 2, world: 3, touches: 4, visitors: 5 } as const;

// The big kinds load as two imports side by side, to use both cores of a small machine.
const PARTS = 2;

function split<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, part) => items.slice(part * size, (part + 1) * size));
}

/** The demo data of one size as CSV sources per kind; the sources of a kind may load side by side. */
export function demoSources(size: SeedSize): Record<CsvKind, CsvSource[]> {
  const profile = SIZES[size];
  const campaigns = planCampaigns();
  const world = planWorld(SEED + STREAMS.world, profile.accounts);
  return {
    fx: [fxSource(SEED + STREAMS.fx)],
    campaigns: [campaignSource(campaigns)],
    costs: [costSource(campaigns, profile.spendScale, SEED + STREAMS.costs)],
    accounts: [accountSource(world)],
    leads: split(world.leads, PARTS).map(leadSource),
    touches: [
      ...touchSources(world, indexCampaigns(campaigns), SEED + STREAMS.touches, PARTS),
      anonymousTouchSource(world, indexCampaigns(campaigns), SEED + STREAMS.visitors),
    ],
    links: [visitorLinkSource(world.leads)],
    deals: split(world.deals, PARTS).map(dealSource),
  };
}
