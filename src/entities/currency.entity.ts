import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'currencies' })
export class Currency {
  @PrimaryColumn({ type: 'char', length: 3 })
  code: string;

  @Column({ name: 'minor_units', type: 'smallint' })
  minorUnits: number;

  @Column({ type: 'text' })
  name: string;
}
