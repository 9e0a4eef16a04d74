export type { SeedSize } from './demo-sources';
export type { SeedKindSummary, SeedOptions, SeedSummary } from './seed-demo-data';
export { SeedRefusedError, isDatabaseEmpty, seedDemoData } from './seed-demo-data';
