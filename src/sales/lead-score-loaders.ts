import DataLoader from 'dataloader';
import { LeadScore, LeadScoringService, ScoredTouch } from './lead-scoring.service';

export interface LeadScoreLoaders {
  scores: DataLoader<string, LeadScore | null>;
  breakdowns: DataLoader<string, ScoredTouch[]>;
}

/** Per request: a page of leads asking for scores is one query, answered in key order. */
export function leadScoreLoaders(service: LeadScoringService): LeadScoreLoaders {
  return {
    scores: new DataLoader(async (ids) => {
      const found = await service.scores(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    breakdowns: new DataLoader(async (ids) => {
      const found = await service.breakdowns(ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}
