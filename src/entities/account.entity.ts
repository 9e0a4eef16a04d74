import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RecordedColumns } from './recorded-columns';

@Entity({ name: 'accounts' })
export class Account extends RecordedColumns {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'external_id', type: 'text', unique: true })
  externalId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  domain: string | null;

  @Column({ type: 'text', nullable: true })
  segment: string | null;

  @Column({ type: 'text', nullable: true })
  industry: string | null;

  @Column({ type: 'text', nullable: true })
  size: string | null;
}
