import type { FormattedExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';

/** A report operation as the client sent it. */
export interface ReportQuestion {
  query: string;
  variables: unknown;
  operationName: string | undefined;
}

const keyOf = (snapshot: string, question: ReportQuestion) =>
  `${snapshot}\n${question.operationName ?? ''}\n${JSON.stringify(question.variables ?? {})}\n${question.query}`;

/**
 * Answers of report operations by question and database snapshot (`xmin:xmax:in-progress`, cluster
 * wide). A report is a function of the committed data, and two snapshots that read the same text
 * see the same committed data, while any committed write changes the text. So a hit is exact,
 * never stale, however the data was written (this process, the CSV import, another replica).
 */
export class ReportCache {
  private readonly answers: LRUCache<string, FormattedExecutionResult>;
  hits = 0;
  misses = 0;

  constructor(maxAnswers = 200) {
    this.answers = new LRUCache({ max: maxAnswers });
  }

  get(snapshot: string, question: ReportQuestion): FormattedExecutionResult | undefined {
    const found = this.answers.get(keyOf(snapshot, question));
    if (found) this.hits += 1;
    else this.misses += 1;
    return found;
  }

  set(snapshot: string, question: ReportQuestion, answer: FormattedExecutionResult): void {
    this.answers.set(keyOf(snapshot, question), answer);
  }
}
