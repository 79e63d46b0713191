import { Actor, hasRole } from '../common/actor';
import { Role } from '../common/roles';
import { OTHER_ASPECT } from './aspect-presets';
import { Meeting } from './meeting.entity';
import { TeamMemberView } from './meeting.views';
import { TeamMember } from './team-member.entity';

/** What an opinion or an item may name: one of the meeting's aspects, one member of its team. */
export interface MeetingChoices {
  aspects: readonly string[];
  /** User ids of the team's members. */
  memberIds: readonly string[];
}

/** A meeting as one read of it: the row and its team's seats (cached briefly, see MeetingsService). */
export interface MeetingSnapshot {
  meeting: Meeting;
  seats: readonly TeamMember[];
}

/**
 * One actor's view of one meeting, for one request: the meeting, its team (班子), the actor's
 * seat on it, and what an opinion or item may name. Built once by MeetingsService.scope (which
 * has already refused an actor who may not see the meeting) and handed down, so the questions
 * "on the team?", "the secretary?", "which aspects and members?" are answered here alone.
 */
export class MeetingScope {
  private named?: Promise<TeamMemberView[]>;

  constructor(
    readonly actor: Actor,
    private readonly snapshot: MeetingSnapshot,
    private readonly describeTeam: (seats: readonly TeamMember[]) => Promise<TeamMemberView[]>,
  ) {}

  /** A copy of the meeting: a caller changing it must not change what the next request reads. */
  get meeting(): Meeting {
    return { ...this.snapshot.meeting };
  }

  get meetingId(): string {
    return this.snapshot.meeting.id;
  }

  /** The actor's seat on the team, if they sit on it. */
  get seat(): TeamMember | undefined {
    return this.seatOf(this.actor.userId);
  }

  /** Whether the actor sits on the meeting's team (a secretary or a member). */
  get onTeam(): boolean {
    return this.seat !== undefined;
  }

  /** Whether the actor is the team's secretary (主要负责同志). */
  get isSecretary(): boolean {
    return this.seat?.role === 'secretary';
  }

  /** Whether the actor reads the whole meeting as organiser or 督导组, seat or no seat. */
  get oversees(): boolean {
    return hasRole(this.actor, Role.Organiser, Role.Supervisor);
  }

  seatOf(userId: string): TeamMember | undefined {
    return this.snapshot.seats.find((seat) => seat.userId === userId);
  }

  /** The team's user ids, in the team's order. */
  get memberIds(): string[] {
    return [...this.snapshot.seats].sort((a, b) => a.position - b.position).map((seat) => seat.userId);
  }

  /**
   * What an opinion may name: the meeting's aspects and its members. An item may also go under
   * 其他 (`forItems`), where the organiser puts what fits no aspect.
   */
  choices(forItems = false): MeetingChoices {
    return { aspects: forItems ? [...this.snapshot.meeting.aspects, OTHER_ASPECT] : this.snapshot.meeting.aspects, memberIds: this.memberIds };
  }

  /** The team with names and what each oversees, in the team's order (read once per scope). */
  team(): Promise<TeamMemberView[]> {
    this.named ??= this.describeTeam([...this.snapshot.seats].sort((a, b) => a.position - b.position));
    return this.named;
  }
}
