import { DataSource } from 'typeorm';
import { RuleBasedOptions } from '../attribution/rule-based-model';
import { creditDeal } from '../attribution/credit';
import { toNumber } from '../attribution/ratio';
import { collapseRepeats } from '../attribution/collapse-repeats';
import { ConversionBasis, JourneyTouch, orderJourney } from '../attribution/journey';
import { findMilestones, Milestone, MILESTONES } from '../attribution/milestones';
import { DealStatus } from '../database/enums';
import { withReportSnapshot } from '../database/sql';
import { minorUnitsOf, throwMissingRate } from './currency';
import { DealJourney, ReportTouch, streamJourneys, journeyContext } from './journeys/journey-stream';
import { JourneyScope } from './report-scope';

export type JourneyOptions = Omit<JourneyScope, 'basis' | 'from' | 'to' | 'dealIds' | 'periods'>;

export interface CreditedTouch {
  touch: ReportTouch;
  /** Milestone positions this touch holds in the (collapsed, if asked) journey. */
  milestones: Milestone[];
  /** Per requested model, in order: share of the deal and credit in minor units of the report currency. */
  credits: Array<{ share: number; amountMinor: bigint }>;
}

export interface CreditedJourney {
  dealId: string;
  currency: string;
  minorUnits: number;
  basis: ConversionBasis;
  conversionAt: Date;
  /** The deal's amount in the report currency. */
  amountMinor: bigint;
  touches: CreditedTouch[];
}

interface JourneyTouchOf extends JourneyTouch {
  source: ReportTouch;
}

function credit(deal: DealJourney, basis: ConversionBasis, amountMinor: bigint, models: readonly RuleBasedOptions[],
  collapse: boolean): Omit<CreditedJourney, 'currency' | 'minorUnits'> {
  const context = journeyContext(deal, basis);
  const ordered: JourneyTouchOf[] = orderJourney(deal.touches.map((touch) => ({
    id: touch.id, occurredAt: touch.occurredAt, occurredMicros: touch.occurredMicros, channel: touch.channel, key: touch.channel, source: touch,
  })));
  const journey = collapse ? collapseRepeats(ordered) : ordered;
  const holders = findMilestones(journey, context);
  const byModel = models.map((options) =>
    new Map(creditDeal(amountMinor, ordered, context, options).map((touchCredit) => [touchCredit.touch.id, touchCredit])));
  return {
    dealId: deal.dealId,
    basis,
    conversionAt: deal.conversionAt,
    amountMinor,
    touches: ordered.map((touch) => ({
      touch: touch.source,
      milestones: MILESTONES.filter((milestone) => holders[milestone] !== undefined && journey[holders[milestone]] === touch),
      credits: byModel.map((credits) => {
        const found = credits.get(touch.id);
        return { share: found ? toNumber(found.share) : 0, amountMinor: found?.amountMinor ?? 0n };
      }),
    })),
  };
}

/**
 * One deal's journey, touch by touch, with milestones and each touch's credit under several
 * models: the closed loop from a sale back to its leads and campaigns. Won deals default to the
 * revenue view (t* = closedAt); other deals always use the pipeline view (t* = createdAt).
 */
export class DealJourneyService {
  constructor(private readonly dataSource: DataSource, private readonly statementTimeoutMs: number) {}

  async journeys(deals: ReadonlyArray<{ id: string; status: DealStatus }>, models: readonly RuleBasedOptions[],
    options: JourneyOptions, basis: ConversionBasis = ConversionBasis.REVENUE): Promise<Map<string, CreditedJourney>> {
    const groups = new Map<ConversionBasis, string[]>();
    for (const deal of deals) {
      const effective = deal.status === DealStatus.WON ? basis : ConversionBasis.PIPELINE;
      groups.set(effective, [...(groups.get(effective) ?? []), deal.id]);
    }
    // One snapshot for every group of deals.
    return withReportSnapshot(this.dataSource, this.statementTimeoutMs, async (tx) => {
      const result = new Map<string, CreditedJourney>();
      const minorUnits = await minorUnitsOf(tx, options.currency);
      for (const [groupBasis, dealIds] of groups) {
        const scope: JourneyScope = { ...options, basis: groupBasis, dealIds, periods: [] };
        let missing: string | undefined;
        for await (const deal of streamJourneys(tx.client, scope)) {
          if (deal.convertedMinor === null) {
            // The stream holds the connection: it is closed (break) before the rate is looked up.
            missing = `${deal.currency} ${deal.conversionDay}`;
            break;
          }
          const credited = credit(deal, groupBasis, deal.convertedMinor, models, models[0]?.collapseRepeats ?? false);
          result.set(deal.dealId, { ...credited, currency: options.currency, minorUnits });
        }
        await throwMissingRate(tx, missing, scope);
      }
      return result;
    });
  }
}
