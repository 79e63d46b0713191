import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 整改措施: one measure of an entry, in the order it was written. */
@Entity('rectification_measures')
@Index(['entryId', 'position'])
export class RectificationMeasure {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  entryId: string;

  @Column('text')
  text: string;

  @Column('int')
  position: number;
}
