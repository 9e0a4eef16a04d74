import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ReportInputScalar } from './report-input.scalar';

/** The exports a link can open; values are their file names under /export/. */
export enum ExportReport {
  ATTRIBUTION = 'attribution',
  COMPARE_MODELS = 'compare-models',
  CREDITS = 'credits',
}

export enum ExportFormat {
  CSV = 'csv',
  JSONL = 'jsonl',
}

registerEnumType(ExportReport, {
  name: 'ExportReport',
  description: 'A flat export of a report, served at /export/<name>.<format>.',
  valuesConfig: {
    ATTRIBUTION: { description: '/export/attribution: the attribution report, one line per row (input: AttributionInput), the UNATTRIBUTED row included.' },
    COMPARE_MODELS: { description: '/export/compare-models: the model comparison, one column per model (input: CompareModelsInput).' },
    CREDITS: { description: '/export/credits: one line per deal, journey touch and rule-based model (input: AttributionInput, or CompareModelsInput for several models).' },
  },
});

registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'The file format of an export.',
  valuesConfig: {
    CSV: { description: 'RFC 4180 CSV in UTF-8 with a header row.' },
    JSONL: { description: 'One JSON object per line (JSON Lines), amounts as exact decimal strings.' },
  },
});

export const DEFAULT_LINK_HOURS = 168;
export const MAX_LINK_HOURS = 720;

@InputType({ description: 'Which export a link opens, with which input, and for how long.' })
export class CreateExportLinkInput {
  @Field(() => ExportReport, { description: 'The export the link opens.' })
  report: ExportReport;

  @Field(() => ReportInputScalar, { description: 'The report\'s input, as the GraphQL operation takes it (AttributionInput or CompareModelsInput); checked now.' })
  input: Record<string, unknown>;

  @Field(() => ExportFormat, { description: 'CSV or JSONL.' })
  format: ExportFormat;

  @Field(() => Int, { nullable: true, description: `Hours until the link stops working: 1 to ${MAX_LINK_HOURS} (30 days). Default ${DEFAULT_LINK_HOURS} (7 days).` })
  expiresInHours?: number;
}

@ObjectType({ description: 'A URL that opens one export without an Authorization header (spreadsheets, Power BI web sources), read-only, until it expires or its API key is revoked. Treat it as a secret.' })
export class ExportLink {
  @Field({ description: 'The export\'s URL with its signed token: fetch it with a plain GET.' })
  url: string;

  @Field({ description: 'When the link stops working.' })
  expiresAt: Date;
}
