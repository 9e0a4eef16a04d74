import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CampaignCost } from './campaign-cost.entity';
import { Channel } from './channel.entity';
import { RecordedColumns } from './recorded-columns';

@Entity({ name: 'campaigns' })
export class Campaign extends RecordedColumns {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'external_id', type: 'text', unique: true })
  externalId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  channel: string;

  @ManyToOne(() => Channel)
  @JoinColumn({ name: 'channel' })
  channelRow: Relation<Channel>;

  @Column({ name: 'utm_source', type: 'text', nullable: true })
  utmSource: string | null;

  @Column({ name: 'utm_medium', type: 'text', nullable: true })
  utmMedium: string | null;

  @Column({ name: 'utm_campaign', type: 'text', nullable: true })
  utmCampaign: string | null;

  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @OneToMany(() => CampaignCost, (cost) => cost.campaign)
  costs: Relation<CampaignCost[]>;
}
