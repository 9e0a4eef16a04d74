import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Units of the reporting currency for one unit of `currency`, in force from `rateDate`. */
@Entity({ name: 'fx_rates' })
export class FxRate {
  @PrimaryColumn({ type: 'char', length: 3 })
  currency: string;

  @PrimaryColumn({ name: 'rate_date', type: 'date' })
  rateDate: string;

  /** Exact decimal, as a string. */
  @Column({ type: 'numeric', precision: 24, scale: 12 })
  rate: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
