import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { ConversionBasis } from '../../attribution/journey';
import { money } from '../../catalog/money';
import type { Context } from '../../context';
import { Dimension } from '../../reports/report-scope';
import { Kpis } from '../../sales/kpis.service';
import { LeadQualityRow } from '../../sales/lead-quality.service';
import { attributionRequest, reportModelOptions } from '../attribution/attribution-request';
import { checkPeriod, currenciesOf, timeZoneOf } from '../common/report-checks';
import { FunnelInput, HandoffSlaInput, KpisInput, LeadQualityInput } from './sales-report.input';
import {
  FunnelObject, HandoffSlaObject, KpisObject, LeadQualityObject, LeadQualityRowObject,
} from './sales-report.type';

const moneyOrNull = (minor: bigint | null, currency: string, minorUnits: number) =>
  (minor === null ? null : money(minor.toString(), currency, minorUnits));

function qualityRow(row: LeadQualityRow, currency: string, minorUnits: number): LeadQualityRowObject {
  return {
    key: row.key,
    leads: row.leads,
    mqls: row.mqls,
    sqls: row.sqls,
    opportunities: row.opportunities,
    wonDeals: row.wonDeals,
    lostDeals: row.lostDeals,
    winRate: row.winRate,
    revenue: money(row.wonMinor.toString(), currency, minorUnits),
    averageDealSize: moneyOrNull(row.averageDealSizeMinor, currency, minorUnits),
    averageSalesCycleDays: row.averageSalesCycleDays,
    revenuePerLead: moneyOrNull(row.revenuePerLeadMinor, currency, minorUnits),
  };
}

function kpisObject(kpis: Kpis): KpisObject {
  const m = (minor: bigint) => money(minor.toString(), kpis.currency, kpis.minorUnits);
  const mn = (minor: bigint | null) => moneyOrNull(minor, kpis.currency, kpis.minorUnits);
  return {
    nonMarketingChannels: kpis.nonMarketingChannels,
    pipeline: m(kpis.pipelineMinor),
    marketingSourcedPipeline: m(kpis.marketingSourcedPipelineMinor),
    marketingInfluencedPipeline: m(kpis.marketingInfluencedPipelineMinor),
    revenue: m(kpis.revenueMinor),
    marketingSourcedRevenue: m(kpis.marketingSourcedRevenueMinor),
    marketingInfluencedRevenue: m(kpis.marketingInfluencedRevenueMinor),
    attributedMarketingRevenue: m(kpis.attributedMarketingRevenueMinor),
    opportunities: kpis.pipelineDeals,
    wonDeals: kpis.wonDeals,
    lostDeals: kpis.lostDeals,
    winRate: kpis.winRate,
    averageDealSize: mn(kpis.averageDealSizeMinor),
    salesCycleDays: kpis.salesCycleDays,
    leads: kpis.leads,
    mqls: kpis.mqls,
    mqlToSqlRate: kpis.mqlToSqlRate,
    newCustomers: kpis.newCustomers,
    marketingSpend: m(kpis.marketingSpendMinor),
    costPerLead: mn(kpis.costPerLeadMinor),
    costPerMql: mn(kpis.costPerMqlMinor),
    costPerOpportunity: mn(kpis.costPerOpportunityMinor),
    customerAcquisitionCost: mn(kpis.customerAcquisitionCostMinor),
    marketingRoi: kpis.marketingRoi,
  };
}

@Resolver()
export class SalesReportsResolver {
  @Query(() => FunnelObject, {
    description: 'Funnel of the leads created in [from, to), grouped by first-touch channel, campaign or creation month: how many '
      + 'reached each stage (whenever they did), the conversion between consecutive stages and the median days between them.',
  })
  funnel(@Arg('input', () => FunnelInput, { description: 'Period and grouping.' }) input: FunnelInput,
    @Ctx() { services }: Context): Promise<FunnelObject> {
    checkPeriod(input.from, input.to);
    return services.funnel.funnel({ from: input.from, to: input.to, groupBy: input.groupBy, timeZone: timeZoneOf(input.timeZone) });
  }

  @Query(() => HandoffSlaObject, { description: 'Handoff SLA compliance of the leads whose MQL time is in [from, to), in total, by period and by deal owner.' })
  handoffSla(@Arg('input', () => HandoffSlaInput, { description: 'Period and buckets.' }) input: HandoffSlaInput,
    @Ctx() { services }: Context): Promise<HandoffSlaObject> {
    checkPeriod(input.from, input.to);
    return services.handoffSla.report({ from: input.from, to: input.to, period: input.period, timeZone: timeZoneOf(input.timeZone) });
  }

  @Query(() => LeadQualityObject, { description: 'Lead quality by first-touch channel or campaign, for the leads created in [from, to).' })
  async leadQuality(@Arg('input', () => LeadQualityInput, { description: 'Period, source and currency.' }) input: LeadQualityInput,
    @Ctx() { services, settings }: Context): Promise<LeadQualityObject> {
    checkPeriod(input.from, input.to);
    const result = await services.leadQuality.report({
      from: input.from, to: input.to, groupBy: input.groupBy, timeZone: timeZoneOf(input.timeZone), ...currenciesOf(input.currency, settings.reportingCurrency),
    });
    return {
      total: qualityRow(result.total, result.currency, result.minorUnits),
      rows: result.rows.map((row) => qualityRow(row, result.currency, result.minorUnits)),
    };
  }

  @Query(() => KpisObject, { description: 'The KPIs marketing and sales share for [from, to); each is defined in its description.' })
  async kpis(@Arg('input', () => KpisInput, { description: 'Period, attribution model and currency.' }) input: KpisInput,
    @Ctx() { services, settings }: Context): Promise<KpisObject> {
    checkPeriod(input.from, input.to);
    const reportInput = {
      from: input.from, to: input.to, currency: input.currency, timeZone: input.timeZone,
      basis: ConversionBasis.REVENUE, groupBy: [Dimension.CHANNEL],
    };
    const attribution = attributionRequest(reportInput, [reportModelOptions(input.model, reportInput)], settings.reportingCurrency);
    return kpisObject(await services.kpis.kpis({
      from: input.from, to: input.to, timeZone: timeZoneOf(input.timeZone), ...currenciesOf(input.currency, settings.reportingCurrency), attribution,
    }));
  }
}
