import DataLoader from 'dataloader';
import { ConversionBasis } from '../attribution/journey';
import { TouchCreditService } from '../reports/stored-credits/touch-credit.service';
import { TouchDealCredit } from '../reports/stored-credits/touch-deal-credits';
import { GroupedKey, groupedLoader } from './grouped.loader';

/** Which stored credits: a stored model's column suffix and the basis. */
export interface StoredCreditChoice {
  column: string;
  basis: ConversionBasis;
}

export type TouchCreditsLoader = DataLoader<GroupedKey<StoredCreditChoice>, TouchDealCredit[], string>;

/** The credits of every touch of a response in one refresh and one query per model and basis. */
export function touchCreditsLoader(service: TouchCreditService, reportingCurrency: string): TouchCreditsLoader {
  return groupedLoader<StoredCreditChoice, TouchDealCredit[]>(
    (touchIds, { column, basis }) => service.creditsOf(touchIds, column, basis, reportingCurrency));
}
