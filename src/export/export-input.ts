import { getVariableValues, OperationDefinitionNode, parse } from 'graphql';
import { RuleBasedOptions } from '../attribution/rule-based-model';
import { badUserInput } from '../errors';
import { AttributionRequest } from '../reports/attribution-report.types';
import { AttributionModel } from '../attribution/attribution-model';
import {
  attributionRequest, checkAttributionInput, checkCompareModelsInput, modelOptions, reportModelOptions,
} from '../resolvers/attribution/attribution-request';
import { AttributionInput, CompareModelsInput } from '../resolvers/attribution/attribution.input';
import { appSchema } from '../schema';

/** What can be exported: the GraphQL reports, and every credit line behind them. */
export const EXPORT_REPORTS = ['attribution', 'compare-models', 'credits'] as const;
export type ExportReportName = (typeof EXPORT_REPORTS)[number];

type InputTypeName = 'AttributionInput' | 'CompareModelsInput';

const variableDefinitions = (type: InputTypeName) =>
  (parse(`query($input: ${type}!) { __typename }`).definitions[0] as OperationDefinitionNode).variableDefinitions!;

/** `input` coerced exactly as GraphQL coerces an operation's `$input` variable of that type: same rules, same messages. */
function coerced<T>(type: InputTypeName, input: unknown): T {
  const result = getVariableValues(appSchema(), variableDefinitions(type), { input });
  if (result.errors) throw badUserInput(result.errors[0]!.message, { field: 'input' });
  return result.coerced.input as T;
}

/**
 * The credits export takes either report's input: `models` (CompareModelsInput) for several models
 * side by side, else `model` (AttributionInput). Only rule-based models credit single touches.
 */
export function creditsRequest(input: unknown, reportingCurrency: string): { request: AttributionRequest; models: RuleBasedOptions[] } {
  const several = typeof input === 'object' && input !== null && 'models' in input;
  let options: RuleBasedOptions[];
  let report: AttributionInput | CompareModelsInput;
  if (several) {
    const compare = coerced<CompareModelsInput>('CompareModelsInput', input);
    checkCompareModelsInput(compare);
    options = compare.models.map((model: AttributionModel) => modelOptions(model, compare, compare.weights));
    report = compare;
  } else {
    const single = coerced<AttributionInput>('AttributionInput', input);
    checkAttributionInput(single);
    options = [modelOptions(single.model, single, single.weights)];
    report = single;
  }
  const request = attributionRequest(report, options, reportingCurrency);
  return {
    request: { ...request, scope: { ...request.scope, touchDetails: { ...request.scope.touchDetails, campaign: true, sourceMedium: true, externalIds: true } } },
    models: options,
  };
}

/** Checks an export's input as running it would, without running it (for export links). */
export function checkExportInput(report: ExportReportName, input: unknown, reportingCurrency: string): void {
  if (report === 'credits') {
    creditsRequest(input, reportingCurrency);
  } else if (report === 'attribution') {
    const single = coerced<AttributionInput>('AttributionInput', input);
    checkAttributionInput(single);
    attributionRequest(single, [reportModelOptions(single.model, single, single.weights)], reportingCurrency);
  } else {
    const compare = coerced<CompareModelsInput>('CompareModelsInput', input);
    checkCompareModelsInput(compare);
    attributionRequest(compare, compare.models.map((model) => reportModelOptions(model, compare, compare.weights)), reportingCurrency);
  }
}

/** The `input` query parameter: JSON, as the GraphQL operation's variable would be. */
export function parseInputParameter(value: unknown): unknown {
  if (value === undefined) return {};
  if (typeof value !== 'string') throw badUserInput('the input query parameter must appear once, as JSON', { field: 'input' });
  try {
    return JSON.parse(value);
  } catch {
    throw badUserInput('the input query parameter is not valid JSON (URL-encode it)', { field: 'input' });
  }
}
