import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { CampaignObject } from '../campaign/campaign.type';
import { modelComparison, attributionReport } from './attribution-report.mapper';
import { AttributionReport, AttributionRow, KeyedRow, ModelComparison, ModelComparisonRow } from './attribution-report.type';
import { attributionRequest, checkAttributionInput, checkCompareModelsInput, reportModelOptions } from './attribution-request';
import { AttributionInput, CompareModelsInput } from './attribution.input';

@Resolver()
export class AttributionResolver {
  @Query(() => AttributionReport, {
    description: 'Credit for revenue (or pipeline) by channel, campaign, source/medium or period under one model. Each deal\'s '
      + 'journey is the touches of its contacts at or before its conversion time t* (closedAt for REVENUE, createdAt for '
      + 'PIPELINE), within lookbackDays and the filters, ordered by time. Its amount, converted at the FX rate of its conversion '
      + 'date, is split by the model and allocated in minor units by largest remainder, so each deal\'s credits sum exactly to '
      + 'its amount; deals with an empty journey go to the UNATTRIBUTED bucket. Rows + unattributed = total, to the cent.',
  })
  async attribution(@Arg('input', () => AttributionInput, { description: 'Model, period and journey options.' }) input: AttributionInput,
    @Ctx() { services, settings }: Context): Promise<AttributionReport> {
    checkAttributionInput(input);
    const request = attributionRequest(input, [reportModelOptions(input.model, input, input.weights)], settings.reportingCurrency);
    return attributionReport(input.model, request, await services.attribution.refreshAndReport(request));
  }

  @Query(() => ModelComparison, {
    description: 'Several models over the same deals in one call (one pass over the journeys): a row per key and a value per '
      + 'model, for a model-comparison chart. Same rules as attribution.',
  })
  async compareModels(@Arg('input', () => CompareModelsInput, { description: 'Models, period and journey options.' }) input: CompareModelsInput,
    @Ctx() { services, settings }: Context): Promise<ModelComparison> {
    checkCompareModelsInput(input);
    const request = attributionRequest(input, input.models.map((model) => reportModelOptions(model, input, input.weights)), settings.reportingCurrency);
    return modelComparison(input.models, request, await services.attribution.refreshAndReport(request));
  }
}

async function campaignOf(row: KeyedRow, { loaders }: Context) {
  return row.campaignId === null ? null : loaders.campaignById.load(row.campaignId);
}

@Resolver(() => AttributionRow)
export class AttributionRowResolver {
  @FieldResolver(() => CampaignObject, { nullable: true, description: 'The campaign, when rows are grouped by CAMPAIGN (null for touches without a campaign).' })
  campaign(@Root() row: AttributionRow, @Ctx() context: Context) {
    return campaignOf(row, context);
  }
}

@Resolver(() => ModelComparisonRow)
export class ModelComparisonRowResolver {
  @FieldResolver(() => CampaignObject, { nullable: true, description: 'The campaign, when rows are grouped by CAMPAIGN (null for touches without a campaign).' })
  campaign(@Root() row: ModelComparisonRow, @Ctx() context: Context) {
    return campaignOf(row, context);
  }
}
