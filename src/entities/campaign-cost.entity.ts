import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Campaign } from './campaign.entity';
import { RecordedColumns } from './recorded-columns';

@Entity({ name: 'campaign_costs' })
export class CampaignCost extends RecordedColumns {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'campaign_id', type: 'bigint' })
  campaignId: string;

  @ManyToOne(() => Campaign, (campaign) => campaign.costs)
  @JoinColumn({ name: 'campaign_id' })
  campaign: Relation<Campaign>;

  @Column({ name: 'cost_date', type: 'date' })
  costDate: string;

  /** Integer minor units (cents for USD); a string because int8 exceeds JavaScript's safe integers. */
  @Column({ name: 'amount_minor', type: 'bigint' })
  amountMinor: string;

  @Column({ type: 'char', length: 3 })
  currency: string;
}
