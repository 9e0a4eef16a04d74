import { Initial1763800000000 } from './1763800000000-initial';

// Every migration, in order. A new migration is a new file here, reviewed as SQL.
export const migrations = [Initial1763800000000];
