import { loadConfig } from '../config';
import { openDatabase } from '../database/database';
import { refreshTouchCredits } from '../reports/stored-credits/touch-credit-refresh';
import { LeadScoringService } from '../sales/lead-scoring.service';

/**
 * `attribution refresh`: what the API does before a stored report, for readers of the reporting
 * views, which cannot trigger it themselves. Cheap when nothing changed.
 */
export async function refresh(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const credited = await refreshTouchCredits(database.dataSource, config.REPORTING_CURRENCY);
    await new LeadScoringService(database.dataSource).refresh();
    console.log(`credits are current: ${credited} deal(s) credited again; lead scores and stages are current`);
  } finally {
    await database.close();
  }
}
