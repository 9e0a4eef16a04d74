import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Deal } from './deal.entity';
import { Lead } from './lead.entity';

@Entity({ name: 'deal_contacts' })
export class DealContact {
  @PrimaryColumn({ name: 'deal_id', type: 'bigint' })
  dealId: string;

  @PrimaryColumn({ name: 'lead_id', type: 'bigint' })
  leadId: string;

  @ManyToOne(() => Deal, (deal) => deal.contacts)
  @JoinColumn({ name: 'deal_id' })
  deal: Relation<Deal>;

  @ManyToOne(() => Lead)
  @JoinColumn({ name: 'lead_id' })
  lead: Relation<Lead>;

  /** The deal's account (the distribution key), not necessarily the lead's. */
  @Column({ name: 'account_id', type: 'bigint', nullable: true })
  accountId: string | null;

  @Column({ name: 'is_primary', type: 'boolean' })
  isPrimary: boolean;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
