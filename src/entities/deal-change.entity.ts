import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Deal } from './deal.entity';
import { DealStatus } from './enums';

/** One observed state of a deal: written whenever its status, stage or amount changes. */
@Entity({ name: 'deal_changes' })
export class DealChange {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'deal_id', type: 'bigint' })
  dealId: string;

  @ManyToOne(() => Deal, (deal) => deal.changes)
  @JoinColumn({ name: 'deal_id' })
  deal: Relation<Deal>;

  @Column({ name: 'account_id', type: 'bigint', nullable: true })
  accountId: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;

  @Column({ type: 'enum', enum: DealStatus, enumName: 'deal_status' })
  status: DealStatus;

  @Column({ type: 'text', nullable: true })
  stage: string | null;

  @Column({ name: 'amount_minor', type: 'bigint' })
  amountMinor: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
