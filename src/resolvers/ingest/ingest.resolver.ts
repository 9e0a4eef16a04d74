import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Scope } from '../../auth/scope';
import type { Context } from '../../context';
import { IngestKind, listFieldOf } from '../../ingest/ingest-kind';
import {
  accountMerges, accounts, campaignCosts, campaigns, deals, fxRates, leadMerges, leads, touches, visitorLinks,
} from '../../ingest/kinds';
import { AccountItem, UpsertAccountsInput } from './account.input';
import { CampaignCostItem, RecordCampaignCostsInput } from './campaign-cost.input';
import { CampaignItem, UpsertCampaignsInput } from './campaign.input';
import { DealItem, UpsertDealsInput } from './deal.input';
import { FxRateItem, RecordFxRatesInput } from './fx-rate.input';
import { IngestPayload } from './ingest.payload';
import { LeadItem, UpsertLeadsInput } from './lead.input';
import { MergeAccountsInput, MergeItem, MergeLeadsInput } from './merge.input';
import { RecordTouchesInput, TouchItem } from './touch.input';
import { IdentifyVisitorsInput, VisitorLinkItem } from './visitor-link.input';

const BATCH = 'Needs an API key with scope ingest or admin. Takes up to 5,000 items. All-or-nothing: if any item is refused, nothing is written and userErrors lists every problem with its item index and field. Idempotent: sending the same items again changes nothing (they count as unchanged).';

async function ingest(context: Context, kind: IngestKind, items: object[], key?: string): Promise<IngestPayload> {
  const result = await context.services.ingest.ingest(kind, items, key);
  const list = listFieldOf(kind);
  return {
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    userErrors: result.errors.map((error) => ({
      path: [list, String(error.row), ...error.field.split('.')],
      message: `${list}[${error.row}]: ${error.message}`,
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

  @Authorized(Scope.INGEST)
  @Mutation(() => IngestPayload, {
    description: "Links visitors to leads: every touch of the visitor, earlier or later, joins the lead's journey, and reports restate. A lead may have several visitors; a visitor belongs to one lead at a time, and a later link moves it (recorded). A visitor linked to more than 10 distinct leads over time is refused (TOO_MANY_LEADS). created counts new links, updated moved ones. " + BATCH,
  })
  identifyVisitors(@Arg('input', () => IdentifyVisitorsInput, { description: 'The links.' }) input: IdentifyVisitorsInput,
    @Ctx() context: Context): Promise<IngestPayload> {
    return ingest(context, visitorLinks, input.links satisfies VisitorLinkItem[], input.idempotencyKey);
  }

  @Authorized(Scope.INGEST)
  @Mutation(() => IngestPayload, {
    description: "Merges duplicate leads: the merged lead's touches, visitors, deal-contact roles and stage history move to the survivor, and scores and credits restate. The merged lead stays readable (soft-deleted, with mergedInto); its externalId keeps resolving to the survivor wherever a record refers to a lead, and an upsertLeads item for it changes nothing. created counts merges done now; a merge already done is unchanged. " + BATCH,
  })
  mergeLeads(@Arg('input', () => MergeLeadsInput, { description: 'The merges.' }) input: MergeLeadsInput,
    @Ctx() context: Context): Promise<IngestPayload> {
    return ingest(context, leadMerges, input.merges satisfies MergeItem[], input.idempotencyKey);
  }

  @Authorized(Scope.INGEST)
  @Mutation(() => IngestPayload, {
    description: "Merges duplicate accounts: the merged account's leads, deals and touches move to the survivor, and scores and credits restate. The merged account stays readable (soft-deleted, with mergedInto); its externalId keeps resolving to the survivor wherever a record refers to an account, and an upsertAccounts item for it changes nothing. created counts merges done now; a merge already done is unchanged. " + BATCH,
  })
  mergeAccounts(@Arg('input', () => MergeAccountsInput, { description: 'The merges.' }) input: MergeAccountsInput,
    @Ctx() context: Context): Promise<IngestPayload> {
    return ingest(context, accountMerges, input.merges satisfies MergeItem[], input.idempotencyKey);
  }
}
