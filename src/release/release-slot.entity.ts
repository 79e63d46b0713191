import { Entity, PrimaryColumn } from 'typeorm';

/**
 * A fixed release time that has been run (统一整理): its key, `YYYY-MM-DDTHH:00` in TIME_ZONE.
 * The primary key makes each time run once, however many processes reach it. It holds no time of
 * its own: the key is the schedule's, the same whoever wrote when.
 */
@Entity('release_slots')
export class ReleaseSlot {
  @PrimaryColumn('varchar', { length: 20 })
  slot: string;
}
