import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Role } from '../common/roles';

/** An account. Staff who only write anonymously need none. */
@Entity('users')
export class User {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Index()
  @Column('varchar', { length: 36 })
  organizationId: string;

  /** Usernames are unique across organisations: login asks for no organisation. */
  @Column('varchar', { length: 64, unique: true })
  username: string;

  @Column('varchar', { length: 100 })
  displayName: string;

  @Column('varchar', { length: 255 })
  passwordHash: string;

  @Column('simple-json')
  roles: Role[];

  @Column('varchar', { length: 36, nullable: true })
  departmentId: string | null;

  /** Their party branch (所在支部), a department of kind `branch`. */
  @Column('varchar', { length: 36, nullable: true })
  branchId: string | null;

  @Column('boolean')
  active: boolean;

  /**
   * Counts the changes that end the account's sessions (a new password, a deactivation): every
   * token carries the number it was issued under, and one issued under an older number is refused.
   */
  @Column('int', { default: 0 })
  tokenVersion: number;

  @Column('datetime')
  createdAt: Date;
}
