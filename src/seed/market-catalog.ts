import { Weighted } from './random';

export type RegionCode = 'NA' | 'EU' | 'UK' | 'JP';

export interface Region {
  code: RegionCode;
  currency: string;
  /** Decimals of the currency (JPY has none). */
  minorDigits: number;
  /** USD per unit at the start of the data; rates then drift week by week. */
  usdRate: number;
}

export const REGIONS: Record<RegionCode, Region> = {
  NA: { code: 'NA', currency: 'USD', minorDigits: 2, usdRate: 1 },
  EU: { code: 'EU', currency: 'EUR', minorDigits: 2, usdRate: 1.04 },
  UK: { code: 'UK', currency: 'GBP', minorDigits: 2, usdRate: 1.25 },
  JP: { code: 'JP', currency: 'JPY', minorDigits: 0, usdRate: 0.0064 },
};

/** Mostly a US business with a European arm and a few Japanese customers. */
export const REGION_MIX: Weighted<RegionCode>[] = [
  { value: 'NA', weight: 66 }, { value: 'EU', weight: 18 }, { value: 'UK', weight: 11 }, { value: 'JP', weight: 5 },
];

export type Segment = 'SMB' | 'Mid-Market' | 'Enterprise';

export interface SegmentProfile {
  /** First-deal amount range in USD. */
  amount: [number, number];
  /** Days from deal creation to close. */
  cycleDays: [number, number];
  sizes: readonly string[];
  /** Buying committee size (leads per account), 1-6. */
  committee: Weighted<number>[];
}

const committee = (...weights: number[]) => weights.map((weight, index) => ({ value: index + 1, weight }));

export const SEGMENTS: Record<Segment, SegmentProfile> = {
  SMB: { amount: [6_000, 30_000], cycleDays: [14, 60], sizes: ['1-50', '51-200'], committee: committee(8, 22, 30, 22, 12, 6) },
  'Mid-Market': {
    amount: [30_000, 120_000], cycleDays: [40, 120], sizes: ['201-1000'], committee: committee(2, 8, 20, 30, 24, 16),
  },
  Enterprise: {
    amount: [120_000, 600_000], cycleDays: [90, 220], sizes: ['1001-5000', '5000+'], committee: committee(0, 3, 10, 22, 30, 35),
  },
};

export const SEGMENT_MIX: Weighted<Segment>[] = [
  { value: 'SMB', weight: 45 }, { value: 'Mid-Market', weight: 38 }, { value: 'Enterprise', weight: 17 },
];

export const INDUSTRIES = [
  'Software', 'Financial Services', 'Healthcare', 'Manufacturing', 'Retail', 'Education', 'Media', 'Logistics',
  'Professional Services', 'Telecommunications',
] as const;
