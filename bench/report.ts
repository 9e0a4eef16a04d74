import { Measurement, median } from './measure';

export const FAIR_FLOOR = 'fair floor';
export const COPY_FLOOR = 'COPY floor';
export const CSV_IMPORT = 'CSV import (`importCsv`)';

// Each goal is a share of one floor's rows/s: the CSV import keeps every index, key and foreign key
// of touches, so it is held to the fair floor; GraphQL keeps its goal against the plain COPY.
const GOALS: Record<string, { share: number; floor: string }> = {
  [CSV_IMPORT]: { share: 0.5, floor: FAIR_FLOOR },
  '`recordTouches` over HTTP': { share: 0.1, floor: COPY_FLOOR },
};

const format = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rateOf = (measurement: Measurement) => measurement.rows / median(measurement.seconds);

/** The figures as a markdown table (medians), with the ratios to both floors and the goals. */
export function markdownReport(measurements: readonly Measurement[], context: string[]): string {
  const floorRate = (step: string) => {
    const floor = measurements.find((measurement) => measurement.step === step);
    if (!floor) throw new Error(`no "${step}" measured`);
    return rateOf(floor);
  };
  const fairRate = floorRate(FAIR_FLOOR);
  const copyRate = floorRate(COPY_FLOOR);
  const lines = [
    '| step | rows | runs | seconds (median) | rows/s | vs fair floor | vs COPY floor | goal |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const measurement of measurements) {
    const rate = rateOf(measurement);
    const goal = GOALS[measurement.step];
    const verdict = goal === undefined ? ''
      : `>= ${goal.share * 100}% of the ${goal.floor}: ${rate / floorRate(goal.floor) >= goal.share ? 'met' : 'missed'}`;
    lines.push(`| ${measurement.step}${measurement.note ? ` (${measurement.note})` : ''} | ${format(measurement.rows)} `
      + `| ${measurement.seconds.length} | ${format(median(measurement.seconds), 1)} | ${format(rate)} `
      + `| ${format((rate / fairRate) * 100, 1)}% | ${format((rate / copyRate) * 100, 1)}% | ${verdict} |`);
  }
  return [...lines, '', ...context.map((line) => `- ${line}`)].join('\n');
}
