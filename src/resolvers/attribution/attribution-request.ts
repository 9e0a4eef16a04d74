import { AttributionInputError } from '../../attribution/attribution-input.error';
import { RuleBasedModel, RuleBasedOptions } from '../../attribution/rule-based-model';
import { ConversionBasis } from '../../attribution/journey';
import { PositionWeights } from '../../attribution/position-models';
import { validateModelOptions } from '../../attribution/validate-model-options';
import { badUserInput } from '../../errors';
import { AttributionRequest } from '../../reports/attribution-report.types';
import {
  DataDrivenModel, DataDrivenOptions, isDataDrivenModel, AttributionModel, AttributionModelOptions,
} from '../../attribution/attribution-model';
import { ContactsRule, Dimension, isDealAttribute, isPeriod } from '../../reports/report-scope';
import { AttributionInput, CompareModelsInput, JourneyOptionsInput, PositionWeightsInput, ReportOptionsInput } from './attribution.input';
import { JourneyOptions } from '../../reports/deal-journey.service';
import { checkPeriod, currenciesOf, timeZoneOf } from '../common/report-checks';

const MAX_LOOKBACK_DAYS = 3650;
const MAX_FILTER_VALUES = 1000;

function groupByOf(input: ReportOptionsInput): Dimension[] {
  const groupBy = input.groupBy ?? [Dimension.CHANNEL];
  if (groupBy.length < 1 || groupBy.length > 2 || new Set(groupBy).size !== groupBy.length) {
    throw badUserInput(`input.groupBy takes 1 or 2 distinct dimensions; got [${groupBy.join(', ')}]`, { field: 'input.groupBy' });
  }
  return groupBy;
}

function checkOptions(input: JourneyOptionsInput): void {
  if (input.lookbackDays != null && (input.lookbackDays < 0 || input.lookbackDays > MAX_LOOKBACK_DAYS)) {
    throw badUserInput(`input.lookbackDays must be between 0 and ${MAX_LOOKBACK_DAYS}; got ${input.lookbackDays}`,
      { field: 'input.lookbackDays', limit: MAX_LOOKBACK_DAYS });
  }
  for (const field of ['includeChannels', 'excludeChannels', 'includeCampaigns', 'excludeCampaigns', 'directChannels'] as const) {
    const values = input[field];
    if (values && values.length > MAX_FILTER_VALUES) {
      throw badUserInput(`input.${field} has ${values.length} values; the limit is ${MAX_FILTER_VALUES}`,
        { field: `input.${field}`, limit: MAX_FILTER_VALUES });
    }
  }
}

function positionWeights(weights: PositionWeightsInput): PositionWeights {
  return {
    FIRST: weights.first ?? 0,
    LAST: weights.last ?? 0,
    LEAD_CREATION: weights.leadCreation ?? 0,
    OPPORTUNITY_CREATION: weights.opportunityCreation ?? 0,
    CLOSED: weights.closed ?? 0,
    MIDDLE: weights.middle ?? 0,
  };
}

const DATA_DRIVEN_DIMENSIONS = new Set([Dimension.CHANNEL, Dimension.CAMPAIGN]);

/** A data-driven model with the input's options; its rules on grouping and basis are checked here. */
function dataDrivenOptions(model: DataDrivenModel, input: ReportOptionsInput): DataDrivenOptions {
  const groupBy = input.groupBy ?? [Dimension.CHANNEL];
  if (groupBy.length !== 1 || !DATA_DRIVEN_DIMENSIONS.has(groupBy[0])) {
    throw badUserInput(`input.groupBy: ${model} credits the keys of whole journey paths, so it takes [CHANNEL] or [CAMPAIGN]; `
      + `got [${groupBy.join(', ')}] (paths are kept by channel and by campaign only; a period or a second dimension would cut them apart)`,
    { field: 'input.groupBy' });
  }
  if ((input.basis ?? ConversionBasis.REVENUE) !== ConversionBasis.REVENUE) {
    throw badUserInput(`input.basis: ${model} learns from won and lost deals closed in the period, so it takes REVENUE`, { field: 'input.basis' });
  }
  const order = input.order ?? 1;
  if (!Number.isInteger(order) || order < 1 || order > 4) {
    throw badUserInput(`input.order must be between 1 and 4; got ${order}`, { field: 'input.order', limit: 4 });
  }
  return { model, order, collapseRepeats: input.collapseRepeats ?? true };
}

/** A report model with the input's options, checked by the engine's own rules. */
export function reportModelOptions(model: AttributionModel, input: ReportOptionsInput, weights?: PositionWeightsInput | null): AttributionModelOptions {
  if (input.order != null && model !== AttributionModel.MARKOV && isDataDrivenModel(model)) {
    throw badUserInput(`input.order applies only to MARKOV`, { field: 'input.order' });
  }
  return isDataDrivenModel(model) ? dataDrivenOptions(model, input) : modelOptions(model, input, weights);
}

/** A rule-based model with the input's options, checked by the engine's own rules. */
export function modelOptions(reportModel: AttributionModel, input: JourneyOptionsInput, weights?: PositionWeightsInput | null): RuleBasedOptions {
  if (isDataDrivenModel(reportModel)) {
    throw badUserInput(`${reportModel} credits keys over all journeys, not the touches of one deal: use a rule-based model here`,
      { field: 'input.models' });
  }
  const model = reportModel;
  const collapseRepeats = input.collapseRepeats ?? false;
  let options: RuleBasedOptions;
  if (model === RuleBasedModel.CUSTOM) {
    if (!weights) throw badUserInput('input.weights is required for the CUSTOM model', { field: 'input.weights' });
    options = { model, weights: positionWeights(weights), collapseRepeats };
  } else if (model === RuleBasedModel.TIME_DECAY) {
    options = { model, halfLifeDays: input.halfLifeDays ?? undefined, collapseRepeats };
  } else if (model === RuleBasedModel.LAST_NON_DIRECT) {
    options = { model, directChannels: input.directChannels ?? undefined, collapseRepeats };
  } else {
    options = { model, collapseRepeats };
  }
  try {
    validateModelOptions(options);
  } catch (error) {
    if (error instanceof AttributionInputError) {
      throw badUserInput(`input.${model === RuleBasedModel.CUSTOM ? 'weights' : 'halfLifeDays'}: ${error.message}`,
        { field: model === RuleBasedModel.CUSTOM ? 'input.weights' : 'input.halfLifeDays' });
    }
    throw error;
  }
  return options;
}

/** Journey options with defaults filled, arguments checked; the currency defaults to `reportingCurrency`. */
export function journeyOptions(input: JourneyOptionsInput, reportingCurrency: string): JourneyOptions {
  checkOptions(input);
  return {
    ...currenciesOf(input.currency, reportingCurrency),
    timeZone: timeZoneOf(input.timeZone),
    contacts: input.contacts ?? ContactsRule.DEAL_CONTACTS,
    lookbackDays: input.lookbackDays ?? undefined,
    includeChannels: input.includeChannels ?? undefined,
    excludeChannels: input.excludeChannels ?? undefined,
    includeCampaigns: input.includeCampaigns ?? undefined,
    excludeCampaigns: input.excludeCampaigns ?? undefined,
  };
}

/** The rules of `attribution`'s input that its type cannot state. */
export function checkAttributionInput(input: Pick<AttributionInput, 'model' | 'weights'>): void {
  if (input.weights && input.model !== 'CUSTOM') {
    throw badUserInput('input.weights applies only to the CUSTOM model', { field: 'input.weights' });
  }
}

/** The rules of `compareModels`' input that its type cannot state. */
export function checkCompareModelsInput(input: Pick<CompareModelsInput, 'models'>): void {
  if (input.models.length === 0 || new Set(input.models).size !== input.models.length) {
    throw badUserInput('input.models takes 1 to 15 distinct models', { field: 'input.models' });
  }
}

/** Turns report input into a request for the report service: defaults filled, arguments checked. */
export function attributionRequest(input: ReportOptionsInput, models: AttributionModelOptions[], reportingCurrency: string): AttributionRequest {
  checkPeriod(input.from, input.to);
  const groupBy = groupByOf(input);
  return {
    models,
    groupBy,
    scope: {
      ...journeyOptions(input, reportingCurrency),
      basis: input.basis ?? ConversionBasis.REVENUE,
      from: input.from ?? undefined,
      to: input.to ?? undefined,
      periods: groupBy.filter(isPeriod),
      dealAttributes: groupBy.filter(isDealAttribute),
      touchDetails: {
        campaign: groupBy.includes(Dimension.CAMPAIGN),
        sourceMedium: groupBy.includes(Dimension.SOURCE_MEDIUM),
        type: groupBy.includes(Dimension.TOUCH_TYPE),
      },
    },
  };
}
