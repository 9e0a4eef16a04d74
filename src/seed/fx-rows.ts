import { DATA_END, DAY, isoDate } from './calendar';
import { CsvSource } from './csv-source';
import { REGIONS } from './market-catalog';
import { SeededRandom } from './random';

/** Monday before the data starts, so the first day has a rate in force. */
const FIRST_RATE_DAY = Date.UTC(2024, 11, 30);
const WEEKLY_DRIFT = 0.02;

const weeks = Math.ceil((DATA_END - FIRST_RATE_DAY) / (7 * DAY));

/** Weekly rates into USD (the default reporting currency) for every currency the demo uses. */
export function fxSource(seed: number): CsvSource {
  const regions = Object.values(REGIONS);
  return {
    header: ['currency', 'date', 'rate'],
    total: weeks * regions.length,
    lines: function* fxLines() {
      const random = new SeededRandom(seed);
      for (const region of regions) {
        let rate = region.usdRate;
        // JPY is worth a fraction of a cent: it needs more decimals to drift visibly.
        const decimals = region.minorDigits === 0 ? 8 : 6;
        for (let week = 0; week < weeks; week++) {
          const shown = region.currency === 'USD' ? '1' : rate.toFixed(decimals);
          yield `${region.currency},${isoDate(FIRST_RATE_DAY + week * 7 * DAY)},${shown}\n`;
          rate *= 1 + (random.float() - 0.5) * WEEKLY_DRIFT;
        }
      }
    },
  };
}
