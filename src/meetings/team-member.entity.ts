import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type TeamRole = 'secretary' | 'member';

/** The seats as pages and notifications name them. */
export const TEAM_ROLE_NAMES: Record<TeamRole, string> = { secretary: '主要负责同志', member: '班子成员' };

/** 班子成员: one person on a meeting's team, with the departments they oversee (分管部门). */
@Entity('team_members')
@Index(['meetingId', 'userId'], { unique: true })
export class TeamMember {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  meetingId: string;

  @Index()
  @Column('varchar', { length: 36 })
  userId: string;

  /** secretary = 主要负责同志 (exactly one per team). */
  @Column('varchar', { length: 20 })
  role: TeamRole;

  @Column('simple-json')
  oversees: string[];

  /** Order on the team as the organiser listed it (班子成员排序). */
  @Column('int')
  position: number;
}
