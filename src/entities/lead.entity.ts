import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Account } from './account.entity';
import { LifecycleStage } from './enums';
import { LeadStageChange } from './lead-stage-change.entity';
import { RecordedColumns } from './recorded-columns';

@Entity({ name: 'leads' })
export class Lead extends RecordedColumns {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'external_id', type: 'text', unique: true })
  externalId: string;

  @Column({ name: 'account_id', type: 'bigint', nullable: true })
  accountId: string | null;

  @ManyToOne(() => Account)
  @JoinColumn({ name: 'account_id' })
  account: Relation<Account> | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  /** The lead-creation moment (the LEAD_CREATION milestone), not the ingestion time. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'lifecycle_stage', type: 'enum', enum: LifecycleStage, enumName: 'lifecycle_stage' })
  lifecycleStage: LifecycleStage;

  @Column({ name: 'stage_changed_at', type: 'timestamptz' })
  stageChangedAt: Date;

  @OneToMany(() => LeadStageChange, (change) => change.lead)
  stageChanges: Relation<LeadStageChange[]>;
}
