import { planAccounts } from './account-plan';
import { planDeals } from './deal-plan';
import { DemoWorld } from './demo-world';
import { planLifecycles, touchTotal } from './lifecycle-plan';
import { SeededRandom } from './random';

/** The accounts, leads and deals of a demo company with `accountCount` accounts, always the same for a seed. */
export function planWorld(seed: number, accountCount: number): DemoWorld {
  const random = new SeededRandom(seed);
  const accounts = planAccounts(random, accountCount);
  const deals = planDeals(random, accounts);
  const leads = accounts.flatMap((account) => account.leads);
  planLifecycles(random, leads);
  return { accounts, leads, deals, touchCount: leads.reduce((sum, lead) => sum + touchTotal(lead), 0) };
}
