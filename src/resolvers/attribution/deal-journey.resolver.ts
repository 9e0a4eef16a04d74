import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AttributionModel } from '../../attribution/attribution-model';
import type { DealRow } from '../../catalog/deal.queries';
import { money } from '../../catalog/money';
import type { Context } from '../../context';
import { CreditedJourney } from '../../reports/deal-journey.service';
import { CampaignObject } from '../campaign/campaign.type';
import { DealObject } from '../deal/deal.type';
import { TouchObject } from '../touch/touch.type';
import { journeyOptions, modelOptions } from './attribution-request';
import { DealJourneyInput } from './attribution.input';
import { DealJourney, JourneyMilestone, JourneyStep } from './deal-journey.type';

function toJourney(journey: CreditedJourney, models: AttributionModel[]): DealJourney {
  const format = (amountMinor: bigint) => money(amountMinor.toString(), journey.currency, journey.minorUnits);
  return {
    basis: journey.basis,
    conversionAt: journey.conversionAt,
    amount: format(journey.amountMinor),
    models,
    steps: journey.touches.map((step, index) => ({
      position: index + 1,
      occurredAt: step.touch.occurredAt,
      channel: step.touch.channel,
      milestones: step.milestones as JourneyMilestone[],
      credits: step.credits.map((credit, model) => ({ model: models[model], share: credit.share, amount: format(credit.amountMinor) })),
      touchId: step.touch.id,
      campaignId: step.touch.campaignId,
    })),
  };
}

@Resolver(() => DealObject)
export class DealJourneyResolver {
  @FieldResolver(() => DealJourney, {
    nullable: true,
    description: 'The deal\'s journey: its contacts\' touches up to t*, in order, with milestone flags and each touch\'s credit '
      + 'under the requested models (the closed loop from a sale back to its campaigns). Null for a soft-deleted deal.',
  })
  async journey(@Root() deal: DealRow,
    @Arg('input', () => DealJourneyInput, { nullable: true, description: 'Models and journey options; default LINEAR over the deal contacts.' })
    input: DealJourneyInput | null, @Ctx() context: Context): Promise<DealJourney | null> {
    const given = input ?? new DealJourneyInput();
    const models = given.models?.length ? given.models : [AttributionModel.LINEAR];
    const options = journeyOptions(given, context.settings.reportingCurrency);
    const request = { models: models.map((model) => modelOptions(model, given, given.weights)), options, basis: given.basis };
    const journey = await context.loaders.dealJourneys(request).load({ id: deal.id, status: deal.status });
    return journey && toJourney(journey, models);
  }
}

@Resolver(() => JourneyStep)
export class JourneyStepResolver {
  @FieldResolver(() => TouchObject, { description: 'The touch itself.' })
  async touch(@Root() step: JourneyStep, @Ctx() { loaders }: Context) {
    return loaders.touchById.load(step.touchId);
  }

  @FieldResolver(() => CampaignObject, { nullable: true, description: 'The touch\'s campaign, if any.' })
  async campaign(@Root() step: JourneyStep, @Ctx() { loaders }: Context) {
    return step.campaignId === null ? null : loaders.campaignById.load(step.campaignId);
  }
}
