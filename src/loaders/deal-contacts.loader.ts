import DataLoader from 'dataloader';
import { contactsOfDeals, DealContactRow } from '../catalog/deal.queries';
import { LeadRow } from '../catalog/lead.queries';
import { Queryable } from '../database/sql';

/** The contacts of each deal; their leads also fill the lead loader, so `contact.lead` costs nothing more. */
export function dealContactsLoader(db: Queryable, leadById: DataLoader<string, LeadRow | null>): DataLoader<string, DealContactRow[]> {
  return new DataLoader(async (dealIds) => {
    const contacts = await contactsOfDeals(db, dealIds);
    for (const list of contacts.values()) for (const { lead } of list) leadById.prime(lead.id, lead);
    return dealIds.map((id) => contacts.get(id) ?? []);
  });
}
