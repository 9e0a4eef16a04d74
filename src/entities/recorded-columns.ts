import { Column } from 'typeorm';

// Ingestion time and soft deletion, shared by every ingested table ("as of" reports need both).
export abstract class RecordedColumns {
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
