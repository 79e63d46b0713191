import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 意见箱: an anonymous comment box of one meeting, reached by its unguessable slug. */
@Entity('boxes')
export class Box {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Index()
  @Column('varchar', { length: 36 })
  meetingId: string;

  /** The path segment of the public link and QR code (80 random bits). */
  @Index({ unique: true })
  @Column('varchar', { length: 32 })
  slug: string;

  @Column('varchar', { length: 200 })
  title: string;

  /**
   * The code printed on the poster beside the QR code, when the organiser wants one. Kept
   * readable: it is a shared code for a room of people, not a password, and the organiser
   * must be able to print it again.
   */
  @Column('varchar', { length: 50, nullable: true })
  accessCode: string | null;

  /** When the box stops taking opinions by itself, if ever. */
  @Column('datetime', { nullable: true })
  closesAt: Date | null;

  /** When an organiser closed it. */
  @Column('datetime', { nullable: true })
  closedAt: Date | null;

  /** Contents stay sealed until the box holds this many opinions (k). */
  @Column('int')
  releaseThreshold: number;

  @Column('varchar', { length: 36 })
  createdBy: string;

  @Column('datetime')
  createdAt: Date;
}
