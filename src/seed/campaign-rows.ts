import { DATA_MONTHS, isoDate, monthStart } from './calendar';
import { PlannedCampaign } from './campaign-plan';
import { CsvSource, csvText } from './csv-source';
import { REGIONS } from './market-catalog';
import { SeededRandom } from './random';

export function campaignSource(campaigns: readonly PlannedCampaign[]): CsvSource {
  return {
    header: ['externalId', 'name', 'channel', 'utmSource', 'utmMedium', 'utmCampaign', 'startsOn', 'endsOn'],
    total: campaigns.length,
    lines: function* campaignLines() {
      for (const c of campaigns) {
        yield `${c.externalId},${csvText(c.name)},${c.channel},${c.utmSource},${c.utmMedium},${c.utmCampaign},`
          + `${isoDate(c.startsOn)},${isoDate(c.endsOn)}\n`;
      }
    },
  };
}

/** A decimal amount from minor units, e.g. 123456 with 2 digits -> "1234.56". */
function decimal(minor: number, digits: number): string {
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const liveMonths = (campaign: PlannedCampaign) => Array.from({ length: DATA_MONTHS }, (_, month) => month)
  .filter((month) => monthStart(month) >= campaign.startsOn && monthStart(month) <= campaign.endsOn);

/** One spend row per campaign and month (dated the 1st), in the campaign's currency. */
export function costSource(campaigns: readonly PlannedCampaign[], spendScale: number, seed: number): CsvSource {
  return {
    header: ['campaignExternalId', 'date', 'amount', 'currency'],
    total: campaigns.reduce((sum, campaign) => sum + liveMonths(campaign).length, 0),
    lines: function* costLines() {
      const random = new SeededRandom(seed);
      for (const campaign of campaigns) {
        const region = REGIONS[campaign.region ?? 'NA'];
        for (const month of liveMonths(campaign)) {
          const usd = campaign.monthlyUsd * spendScale * (0.75 + 0.5 * random.float());
          const minor = Math.round((usd / region.usdRate) * 10 ** region.minorDigits);
          yield `${campaign.externalId},${isoDate(monthStart(month))},${decimal(minor, region.minorDigits)},${region.currency}\n`;
        }
      }
    },
  };
}
