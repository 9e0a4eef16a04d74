import type { FormattedExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Answers of report operations by operation key (src/operation-key.ts) and database snapshot
 * (`xmin:xmax:in-progress`, cluster wide). A report is a function of the committed data, and two
 * snapshots that read the same text see the same committed data, while any committed write changes
 * the text. So a hit is exact, never stale, however the data was written (this process, the CSV
 * import, another replica).
 */
export class ReportCache {
  private readonly answers: LRUCache<string, FormattedExecutionResult>;
  hits = 0;
  misses = 0;

  constructor(maxAnswers = 200) {
    this.answers = new LRUCache({ max: maxAnswers });
  }

  get(snapshot: string, operation: string): FormattedExecutionResult | undefined {
    const found = this.answers.get(`${snapshot}\n${operation}`);
    if (found) this.hits += 1;
    else this.misses += 1;
    return found;
  }

  set(snapshot: string, operation: string, answer: FormattedExecutionResult): void {
    this.answers.set(`${snapshot}\n${operation}`, answer);
  }
}
