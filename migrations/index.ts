import { Initial1763800000000 } from './1763800000000-initial';
import { TouchCredits1763900000000 } from './1763900000000-touch-credits';
import { LeadScoring1764000000000 } from './1764000000000-lead-scoring';

// Every migration, in order. A new migration is a new file here, reviewed as SQL.
export const migrations = [Initial1763800000000, TouchCredits1763900000000, LeadScoring1764000000000];
