import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Scope } from '../../auth/scope';
import type { Context } from '../../context';
import { IngestKind } from '../../ingest/ingest-kind';
import { accounts, campaignCosts, campaigns, deals, fxRates, leads, touches } from '../../ingest/kinds';
import { AccountItem, UpsertAccountsInput } from './account.input';
import { CampaignCostItem, RecordCampaignCostsInput } from './campaign-cost.input';
import { CampaignItem, UpsertCampaignsInput } from './campaign.input';
import { DealItem, UpsertDealsInput } from './deal.input';
import { FxRateItem, RecordFxRatesInput } from './fx-rate.input';
import { IngestPayload } from './ingest.payload';
import { LeadItem, UpsertLeadsInput } from './lead.input';
import { RecordTouchesInput, TouchItem } from './touch.input';

const BATCH = 'Needs an API key with scope ingest or admin. Takes up to 5,000 items. All-or-nothing: if any item is refused, nothing is written and userErrors lists every problem with its item index and field. Idempotent: sending the same items again changes nothing (they count as unchanged).';

async function ingest(context: Context, kind: IngestKind, items: object[], key?: string): Promise<IngestPayload> {
  const result = await context.services.ingest.ingest(kind, items, key);
  return {
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    userErrors: result.errors.map((error) => ({
      path: [kind.name, String(error.row), ...error.field.split('.')],
      message: `${kind.name}[${error.row}]: ${error.message}`,
      code: error.code,
    })),
  };
}

// Every mutation here writes source data: ingest keys and admin keys only.
@Resolver()
export class IngestResolver {
  @Authorized(Scope.INGEST)
  @Mutation(() => IngestPayload, { description: `Creates or updates campaigns by externalId. ${BATCH}` })
  upsertCampaigns(@Arg('input', () => UpsertCampaignsInput, { description: 'The campaigns.' }) input: UpsertCampaignsInput,
    @Ctx() context: Context): Promise<IngestPayload> {
    return ingest(context, campaigns, input.campaigns satisfies CampaignItem[], input.idempotencyKey);
  }

  @Authorized(Scope.INGEST)
  @Mutation(() => IngestPayload, { description: `Creates or updates accounts by externalId. ${BATCH}` })
  upsertAccounts(@Arg('input', () => UpsertAccountsInput, { description: 'The accounts.' }) input: UpsertAccountsInput,
    @Ctx() context: Context): Promise<IngestPayload> {
    return ingest(context, accounts, input.accounts satisfies AccountItem[], input.idempotencyKey);
  }

  @Authorized(Scope.INGEST)
  @Mutation(() => IngestPayload, { description: `Creates or updates leads by externalId; stage changes go to the stage history. ${BATCH}` })
  upsertLeads(@Arg('input', () => UpsertLeadsInput, { description: 'The leads.' }) input: UpsertLeadsInput,
    @Ctx() context: Context): Promise<IngestPayload> {
    return ingest(context, leads, input.leads satisfies LeadItem[], input.idempotencyKey);
  }

  @Authorized(Scope.INGEST)
  @Mutation(() => IngestPayload, { description: `Records touches (creates or updates them by externalId). ${BATCH}` })
  recordTouches(@Arg('input', () => RecordTouchesInput, { description: 'The touches.' }) input: RecordTouchesInput,
    @Ctx() context: Context): Promise<IngestPayload> {
    return ingest(context, touches, input.touches satisfies TouchItem[], input.idempotencyKey);
  }

  @Authorized(Scope.INGEST)
  @Mutation(() => IngestPayload, { description: `Creates or updates deals and their contacts by externalId; status, stage and amount changes go to the deal history. ${BATCH}` })
  upsertDeals(@Arg('input', () => UpsertDealsInput, { description: 'The deals.' }) input: UpsertDealsInput,
    @Ctx() context: Context): Promise<IngestPayload> {
    return ingest(context, deals, input.deals satisfies DealItem[], input.idempotencyKey);
  }

  @Authorized(Scope.INGEST)
  @Mutation(() => IngestPayload, { description: `Records daily campaign spend, keyed by campaign and date. ${BATCH}` })
  recordCampaignCosts(@Arg('input', () => RecordCampaignCostsInput, { description: 'The costs.' }) input: RecordCampaignCostsInput,
    @Ctx() context: Context): Promise<IngestPayload> {
    return ingest(context, campaignCosts, input.costs satisfies CampaignCostItem[], input.idempotencyKey);
  }

  @Authorized(Scope.INGEST)
  @Mutation(() => IngestPayload, { description: `Records exchange rates into the reporting currency, keyed by currency and date. ${BATCH}` })
  recordFxRates(@Arg('input', () => RecordFxRatesInput, { description: 'The rates.' }) input: RecordFxRatesInput,
    @Ctx() context: Context): Promise<IngestPayload> {
    return ingest(context, fxRates, input.rates satisfies FxRateItem[], input.idempotencyKey);
  }
}
