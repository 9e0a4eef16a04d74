import { Initial1763800000000 } from './1763800000000-initial';
import { TouchCredits1763900000000 } from './1763900000000-touch-credits';
import { LeadScoring1764000000000 } from './1764000000000-lead-scoring';
import { LighterTouchWrites1764100000000 } from './1764100000000-lighter-touch-writes';
import { ApiKeys1764250000000 } from './1764250000000-api-keys';
import { TouchCreditCurrency1764300000000 } from './1764300000000-touch-credit-currency';
import { JourneyKeys1764400000000 } from './1764400000000-journey-keys';
import { LeadJourneyKeysInNoDeal1764500000000 } from './1764500000000-lead-journey-keys-in-no-deal';
import { RecreditExactTies1764600000000 } from './1764600000000-recredit-exact-ties';
import { ReportingViews1764800000000 } from './1764800000000-reporting-views';
import { ExportLinkSecret1764800000001 } from './1764800000001-export-link-secret';
import { VisitorsAndMerges1765000000000 } from './1765000000000-visitors-and-merges';
import { PeriodFirstIndexes1765200000000 } from './1765200000000-period-first-indexes';
import { DecayedPoints1765300000000 } from './1765300000000-decayed-points';
import { LeadJourneyFirstTouch1765600000000 } from './1765600000000-lead-journey-first-touch';
import { LeadStages1765900000000 } from './1765900000000-lead-stages';
import { JourneyKeyTimes1766200000000 } from './1766200000000-journey-key-times';
import { TouchCreditUpkeep1766300000000 } from './1766300000000-touch-credit-upkeep';

// Every migration, in order. A new migration is a new file here, reviewed as SQL.
export const migrations = [
  Initial1763800000000, TouchCredits1763900000000, LeadScoring1764000000000, LighterTouchWrites1764100000000,
  ApiKeys1764250000000, TouchCreditCurrency1764300000000, JourneyKeys1764400000000,
  LeadJourneyKeysInNoDeal1764500000000, RecreditExactTies1764600000000, ReportingViews1764800000000,
  ExportLinkSecret1764800000001, VisitorsAndMerges1765000000000, PeriodFirstIndexes1765200000000,
  DecayedPoints1765300000000, LeadJourneyFirstTouch1765600000000, LeadStages1765900000000, JourneyKeyTimes1766200000000,
  TouchCreditUpkeep1766300000000,
];
