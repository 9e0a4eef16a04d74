import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Campaign } from './campaign.entity';
import { TouchType } from './enums';
import { Lead } from './lead.entity';
import { RecordedColumns } from './recorded-columns';

@Entity({ name: 'touches' })
export class Touch extends RecordedColumns {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'external_id', type: 'text', unique: true })
  externalId: string;

  @Column({ name: 'lead_id', type: 'bigint' })
  leadId: string;

  @ManyToOne(() => Lead)
  @JoinColumn({ name: 'lead_id' })
  lead: Relation<Lead>;

  /** Copied from the lead: the distribution key that keeps a journey on one node. */
  @Column({ name: 'account_id', type: 'bigint', nullable: true })
  accountId: string | null;

  @Column({ name: 'campaign_id', type: 'bigint', nullable: true })
  campaignId: string | null;

  @ManyToOne(() => Campaign)
  @JoinColumn({ name: 'campaign_id' })
  campaign: Relation<Campaign> | null;

  @Column({ type: 'text' })
  channel: string;

  @Column({ type: 'enum', enum: TouchType, enumName: 'touch_type' })
  type: TouchType;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'utm_source', type: 'text', nullable: true })
  utmSource: string | null;

  @Column({ name: 'utm_medium', type: 'text', nullable: true })
  utmMedium: string | null;

  @Column({ name: 'utm_campaign', type: 'text', nullable: true })
  utmCampaign: string | null;

  @Column({ name: 'utm_content', type: 'text', nullable: true })
  utmContent: string | null;

  @Column({ name: 'utm_term', type: 'text', nullable: true })
  utmTerm: string | null;

  @Column({ type: 'jsonb', nullable: true })
  properties: Record<string, unknown> | null;
}
