import DataLoader from 'dataloader';
import { RuleBasedOptions } from '../attribution/rule-based-model';
import { ConversionBasis } from '../attribution/journey';
import { DealStatus } from '../database/enums';
import { CreditedJourney, DealJourneyService, JourneyOptions } from '../reports/deal-journey.service';

export interface JourneyRequest {
  models: RuleBasedOptions[];
  options: JourneyOptions;
  basis?: ConversionBasis;
}

export interface DealRef {
  id: string;
  status: DealStatus;
}

export type DealJourneyLoaders = (request: JourneyRequest) => DataLoader<DealRef, CreditedJourney | null, string>;

/** One loader per distinct journey request, so a page of deals asking the same journey is one query. */
export function dealJourneyLoaders(service: DealJourneyService): DealJourneyLoaders {
  const loaders = new Map<string, DataLoader<DealRef, CreditedJourney | null, string>>();
  return (request) => {
    const key = JSON.stringify(request);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (deals: readonly DealRef[]) => {
        const journeys = await service.journeys(deals, request.models, request.options, request.basis);
        return deals.map((deal) => journeys.get(deal.id) ?? null);
      }, { cacheKeyFn: (deal) => deal.id });
      loaders.set(key, loader);
    }
    return loader;
  };
}
