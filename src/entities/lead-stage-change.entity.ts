import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { LifecycleStage } from './enums';
import { Lead } from './lead.entity';

@Entity({ name: 'lead_stage_changes' })
export class LeadStageChange {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'lead_id', type: 'bigint' })
  leadId: string;

  @ManyToOne(() => Lead, (lead) => lead.stageChanges)
  @JoinColumn({ name: 'lead_id' })
  lead: Relation<Lead>;

  @Column({ name: 'account_id', type: 'bigint', nullable: true })
  accountId: string | null;

  @Column({ name: 'from_stage', type: 'enum', enum: LifecycleStage, enumName: 'lifecycle_stage', nullable: true })
  fromStage: LifecycleStage | null;

  @Column({ name: 'to_stage', type: 'enum', enum: LifecycleStage, enumName: 'lifecycle_stage' })
  toStage: LifecycleStage;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
