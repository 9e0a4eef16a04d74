import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Account } from './account.entity';
import { DealChange } from './deal-change.entity';
import { DealContact } from './deal-contact.entity';
import { DealStatus } from './enums';
import { RecordedColumns } from './recorded-columns';

@Entity({ name: 'deals' })
export class Deal extends RecordedColumns {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'external_id', type: 'text', unique: true })
  externalId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'account_id', type: 'bigint', nullable: true })
  accountId: string | null;

  @ManyToOne(() => Account)
  @JoinColumn({ name: 'account_id' })
  account: Relation<Account> | null;

  /** Integer minor units of `currency`; a string because int8 exceeds JavaScript's safe integers. */
  @Column({ name: 'amount_minor', type: 'bigint' })
  amountMinor: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'enum', enum: DealStatus, enumName: 'deal_status' })
  status: DealStatus;

  @Column({ type: 'text', nullable: true })
  stage: string | null;

  @Column({ type: 'text', nullable: true })
  owner: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @OneToMany(() => DealContact, (contact) => contact.deal)
  contacts: Relation<DealContact[]>;

  @OneToMany(() => DealChange, (change) => change.deal)
  changes: Relation<DealChange[]>;
}
