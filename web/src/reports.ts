// The shapes the dashboard reads from the operations of docs/queries (a subset of each answer).

export interface Money {
  amount: string;
  currency: string;
}
type Amount = { amount: string };

export interface Settings {
  from: string;
  to: string;
  model: string;
  basis: string;
  currency?: string;
}

export interface KpisData {
  kpis: Record<string, Money | number | null>;
}

export interface ModelComparisonData {
  compareModels: {
    currency: string;
    models: string[];
    totals: Array<{ model: string; attributed: Amount; unattributed: Amount }>;
    rows: Array<{ key: string; label: string; values: Array<{ model: string; revenue: Amount }> }>;
  };
}

export interface AttributionRow {
  keys: string[];
  labels: string[];
  revenue: Amount;
  deals: number;
  cost: Amount | null;
  roas: number | null;
  campaign: { id: string; name: string; channel: string } | null;
}

export interface RevenueByMonthData {
  attribution: { currency: string; unattributed: Amount; rows: Array<Pick<AttributionRow, 'keys' | 'labels' | 'revenue'>> };
}

export interface CampaignPerformanceData {
  attribution: { currency: string; rows: AttributionRow[] };
}

export interface ChannelData {
  attribution: { currency: string; unattributed: Amount; rows: Array<{ key: string; label: string; revenue: Amount; deals: number; cost: Amount | null; roas: number | null }> };
}

interface FunnelStage {
  stage: string;
  count: number;
  conversionFromPrevious: number | null;
  medianDaysFromPrevious: number | null;
}

export interface FunnelData {
  funnel: { total: { stages: FunnelStage[] } };
}

export interface SlaRow {
  mqls: number;
  met: number;
  breached: number;
  pending: number;
  compliance: number | null;
  medianResponseHours: number | null;
}

export interface HandoffSlaData {
  handoffSla: { slaHours: number; total: SlaRow };
}

export interface CampaignDealsData {
  campaign: {
    name: string;
    touches: {
      totalCount: number;
      nodes: Array<{ lead: { deals: { nodes: Array<{ id: string; name: string; status: string; closedAt: string | null; amount: Money }> } } }>;
    };
  } | null;
}

export interface DealCreditData {
  deal: {
    name: string;
    status: string;
    journey: {
      amount: Money;
      conversionAt: string;
      models: string[];
      steps: Array<{
        position: number;
        occurredAt: string;
        channel: string;
        campaign: { name: string } | null;
        milestones: string[];
        credits: Array<{ model: string; share: number; amount: Amount }>;
      }>;
    } | null;
  } | null;
}
