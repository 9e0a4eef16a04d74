import { Measurement, median } from './measure';

const GOALS: Record<string, number> = { 'CSV import (`importCsv`)': 0.5, '`recordTouches` over HTTP': 0.1 };

const format = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The figures as a markdown table (medians), with the ratio to the COPY floor and the goals. */
export function markdownReport(measurements: readonly Measurement[], context: string[]): string {
  const floor = measurements[0];
  const floorRate = floor.rows / median(floor.seconds);
  const lines = [
    '| step | rows | runs | seconds (median) | rows/s | vs COPY | goal |',
    '|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const measurement of measurements) {
    const seconds = median(measurement.seconds);
    const rate = measurement.rows / seconds;
    const goal = GOALS[measurement.step];
    const verdict = goal === undefined ? '' : `>= ${goal * 100}%: ${rate / floorRate >= goal ? 'met' : 'missed'}`;
    lines.push(`| ${measurement.step}${measurement.note ? ` (${measurement.note})` : ''} | ${format(measurement.rows)} `
      + `| ${measurement.seconds.length} | ${format(seconds, 1)} | ${format(rate)} | ${format((rate / floorRate) * 100, 1)}% | ${verdict} |`);
  }
  return [...lines, '', ...context.map((line) => `- ${line}`)].join('\n');
}
