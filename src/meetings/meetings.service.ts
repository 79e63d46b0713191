import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Actor, hasRole, systemActor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { isRealDate } from '../common/dates';
import { newId } from '../common/ids';
import { Role } from '../common/roles';
import { ShortLivedCache } from '../common/short-lived-cache';
import { findOwned, ownedBy } from '../common/tenancy';
import { NotificationsService } from '../notifications/notifications.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';
import { findAspectPreset } from './aspect-presets';
import { CreateMeetingDto, DeadlinesDto } from './dto/create-meeting.dto';
import { MovePhaseDto } from './dto/move-phase.dto';
import { SetTeamDto } from './dto/set-team.dto';
import { UpdateMeetingDto } from './dto/update-meeting.dto';
import { Meeting } from './meeting.entity';
import { MeetingScope, MeetingSnapshot } from './meeting-scope';
import { MeetingEvents } from './meeting-events';
import { isForwardMove, MEETING_PHASE_NAMES, meetingKindName } from './meeting-phase';
import { toTeamView, TeamMemberView } from './meeting.views';
import { TEAM_ROLE_NAMES, TeamMember } from './team-member.entity';
import { DEADLINE_FIELDS, DeadlineName } from './deadlines';

/**
 * Work another feature does in the same transaction as a new meeting (the ledger's carry-over):
 * registered by that feature, so meetings need not know it.
 */
export type MeetingFollowUp = (manager: EntityManager, actor: Actor, meeting: Meeting) => Promise<void>;

/** How long a meeting and its seats read for one request serve the next ones (see scope). */
const MEETING_TTL_MS = 2_000;

@Injectable()
export class MeetingsService implements OnModuleDestroy {
  private readonly snapshots = new ShortLivedCache<string, MeetingSnapshot | null>(MEETING_TTL_MS, 5_000);
  private readonly subscription: Subscription;
  private readonly followUps: MeetingFollowUp[] = [];

  constructor(
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    @InjectRepository(TeamMember) private readonly teamMembers: Repository<TeamMember>,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly events: MeetingEvents,
  ) {
    this.subscription = events.changed.subscribe((meetingId) => this.snapshots.forget(meetingId));
  }

  onModuleDestroy(): void {
    this.subscription.unsubscribe();
  }

  /** Adds work done with every new meeting, in its transaction (see MeetingFollowUp). */
  whenCreated(followUp: MeetingFollowUp): void {
    this.followUps.push(followUp);
  }

  async createMeeting(actor: Actor, dto: CreateMeetingDto): Promise<Meeting> {
    const aspects = this.resolveAspects(dto);
    assertDeadlinesInOrder(dto.deadlines);
    if (dto.previousMeetingId) await this.assertEarlierMeeting(actor, dto.previousMeetingId, dto.year);
    const now = this.clock.now();
    const meeting: Meeting = {
      id: newId(),
      organizationId: actor.organizationId,
      title: dto.title.trim(),
      year: dto.year,
      kind: dto.kind,
      theme: dto.theme?.trim() || null,
      aspectPreset: dto.aspectPreset ?? null,
      aspects,
      phase: 'preparing',
      ...dto.deadlines,
      aspectKeywords: null,
      talkRules: null,
      talkVisibility: 'participants-and-secretary',
      previousMeetingId: dto.previousMeetingId ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Meeting).insert(meeting);
      for (const followUp of this.followUps) await followUp(manager, actor, meeting);
    });
    return meeting;
  }

  /** 上一年度: a meeting of the actor's organisation, not later than the new one's year. */
  private async assertEarlierMeeting(actor: Actor, meetingId: string, year: number): Promise<void> {
    const previous = await this.meetings.findOne({ where: { id: meetingId, organizationId: actor.organizationId } });
    if (!previous) throw AppError.badRequest(ErrorCode.UnknownMeeting, '上一次会议不存在', [{ field: 'previousMeetingId', message: `会议 ${meetingId} 不存在` }]);
    if (previous.year > year) throw AppError.badRequest(ErrorCode.UnknownMeeting, `上一次会议（${previous.year}年度）不能晚于本次会议的年度`, [{ field: 'previousMeetingId', message: '年度晚于本次会议' }]);
  }

  /** Organisers and supervisors see every meeting of their organisation; a leader those they sit on. */
  async listMeetings(actor: Actor): Promise<Meeting[]> {
    if (hasRole(actor, Role.Organiser, Role.Supervisor)) {
      return this.meetings.find({ where: ownedBy<Meeting>(actor), order: { year: 'DESC', createdAt: 'DESC' } });
    }
    const seats = await this.teamMembers.find({ where: { userId: actor.userId, organizationId: actor.organizationId } });
    if (seats.length === 0) return [];
    return this.meetings.find({ where: { id: In(seats.map((seat) => seat.meetingId)), organizationId: actor.organizationId }, order: { year: 'DESC' } });
  }

  /**
   * The actor's scope of the meeting (the meeting, its team, their seat, the choices), if they may
   * see it: organisers and the 督导组 every meeting of their organisation, a team member the
   * meetings they sit on; anyone else 404 as if it did not exist. The meeting and its seats are
   * remembered for MEETING_TTL_MS (every route under a meeting asks first); any change through
   * this service forgets them at once here and, through the change bus, in the other processes
   * (the TTL remains the backstop while Redis is down).
   */
  async scope(actor: Actor, id: string): Promise<MeetingScope> {
    const scope = await this.scopeViaRecord(actor, id);
    if (scope && (scope.oversees || scope.onTeam)) return scope;
    throw AppError.notFound('会议');
  }

  /** The meeting, if the actor may see it (see scope). */
  async getMeeting(actor: Actor, id: string): Promise<Meeting> {
    return (await this.scope(actor, id)).meeting;
  }

  /**
   * The actor's scope of the meeting without asking whether they may see it, for someone who
   * reaches it through a record they are part of (a talk's counterpart need not sit on the team)
   * and for jobs (with systemActor). Null when the organisation has no such meeting.
   */
  async scopeViaRecord(actor: Actor, id: string): Promise<MeetingScope | null> {
    const snapshot = await this.snapshot(id);
    if (!snapshot || snapshot.meeting.organizationId !== actor.organizationId) return null;
    return new MeetingScope(actor, snapshot, (seats) => this.describeTeam(actor, [...seats]));
  }

  private snapshot(id: string): Promise<MeetingSnapshot | null> {
    return this.snapshots.get(id, async () => {
      const meeting = await this.meetings.findOne({ where: { id } });
      if (!meeting) return null;
      const seats = await this.teamMembers.find({ where: { meetingId: id }, order: { position: 'ASC' } });
      return { meeting, seats };
    });
  }

  async updateMeeting(actor: Actor, id: string, dto: UpdateMeetingDto): Promise<Meeting> {
    const meeting = await findOwned(this.meetings, actor, id, '会议');
    if (dto.deadlines) {
      assertDeadlinesInOrder(dto.deadlines);
      Object.assign(meeting, dto.deadlines);
    }
    if (dto.title !== undefined) meeting.title = dto.title.trim();
    if (dto.theme !== undefined) meeting.theme = dto.theme.trim() || null;
    // Only the rules named: one left out keeps its setting.
    if (dto.talkRules) meeting.talkRules = { ...meeting.talkRules, ...definedOnly(dto.talkRules) };
    if (dto.talkVisibility) meeting.talkVisibility = dto.talkVisibility;
    if (dto.aspectKeywords) meeting.aspectKeywords = checkedKeywords(meeting.aspects, dto.aspectKeywords);
    meeting.updatedAt = this.clock.now();
    await this.meetings.save(meeting);
    await this.events.announceChange(meeting.id);
    return meeting;
  }

  /** The phase only moves forward (筹备 → … → 结束); a step back is a 409. */
  async movePhase(actor: Actor, id: string, dto: MovePhaseDto): Promise<Meeting> {
    const meeting = await findOwned(this.meetings, actor, id, '会议');
    if (!isForwardMove(meeting.phase, dto.phase)) {
      throw AppError.conflict(ErrorCode.PhaseBackwards, `会议阶段只能向前推进：当前为“${MEETING_PHASE_NAMES[meeting.phase]}”，不能改为“${MEETING_PHASE_NAMES[dto.phase]}”`);
    }
    meeting.phase = dto.phase;
    meeting.updatedAt = this.clock.now();
    await this.meetings.save(meeting);
    await this.events.announceChange(meeting.id);
    return meeting;
  }

  /** A meeting read without an actor, for the public pages (see findMeetingWithTeam); null when there is none. */
  async findMeeting(organizationId: string, meetingId: string): Promise<Meeting | null> {
    return (await this.scopeViaRecord(systemActor(organizationId), meetingId))?.meeting ?? null;
  }

  /**
   * A meeting and its team, read without an actor: for the public pages, which reach a meeting
   * through a record (a box) that already names its organisation. Null when there is none.
   */
  async findMeetingWithTeam(organizationId: string, meetingId: string): Promise<{ meeting: Meeting; team: TeamMemberView[] } | null> {
    const scope = await this.scopeViaRecord(systemActor(organizationId), meetingId);
    return scope ? { meeting: scope.meeting, team: await scope.team() } : null;
  }

  /** The meetings where the actor is the secretary (主要负责同志), by id. */
  async meetingsWhereSecretary(actor: Actor): Promise<string[]> {
    const seats = await this.teamMembers.find({ where: { organizationId: actor.organizationId, userId: actor.userId, role: 'secretary' }, select: { meetingId: true } });
    return seats.map((seat) => seat.meetingId);
  }

  async getTeam(actor: Actor, meetingId: string): Promise<TeamMemberView[]> {
    return (await this.scope(actor, meetingId)).team();
  }

  /**
   * Replaces the team (班子): exactly one secretary, every person an account of this
   * organisation with the leader role, every overseen department of this organisation.
   * People newly on the team are told so in their inbox (and on the organisation's webhooks).
   */
  async setTeam(actor: Actor, meetingId: string, dto: SetTeamDto): Promise<TeamMemberView[]> {
    const meeting = await findOwned(this.meetings, actor, meetingId, '会议');
    const secretaries = dto.members.filter((member) => member.role === 'secretary');
    if (secretaries.length !== 1) {
      throw AppError.badRequest(ErrorCode.InvalidTeam, `班子须有且只有一名主要负责同志（secretary），现有 ${secretaries.length} 名`);
    }
    const userIds = dto.members.map((member) => member.userId);
    if (new Set(userIds).size !== userIds.length) throw AppError.badRequest(ErrorCode.InvalidTeam, '同一人在班子中出现了多次');
    const users = await this.users.requireUsers(actor, userIds);
    const notLeaders = users.filter((user) => !user.roles.includes(Role.Leader) || !user.active);
    if (notLeaders.length) {
      throw AppError.badRequest(ErrorCode.InvalidTeam, `以下用户不是启用的班子成员账号（需 leader 角色）：${notLeaders.map((user) => user.displayName).join('、')}`);
    }
    await this.organizations.requireDepartments(actor, dto.members.flatMap((member) => member.oversees));

    const { members, deliveryIds } = await this.dataSource.transaction(async (manager) => {
      // The meeting row first: its lock keeps two replacements of one team apart. The old seats
      // then go by primary key: a range delete by meetingId would take InnoDB gap locks, and two
      // teams replaced at once (of neighbouring meetings) deadlocked on each other's inserts.
      await manager.getRepository(Meeting).update({ id: meetingId }, { updatedAt: this.clock.now() });
      const repository = manager.getRepository(TeamMember);
      const before = await repository.find({ where: { meetingId } });
      if (before.length > 0) await repository.delete(before.map((member) => member.id));
      const members: TeamMember[] = dto.members.map((member, position) => ({
        id: newId(),
        organizationId: actor.organizationId,
        meetingId,
        userId: member.userId,
        role: member.role,
        oversees: [...new Set(member.oversees)],
        position,
      }));
      await repository.insert(members);
      const newcomers = members.filter((member) => !before.some((old) => old.userId === member.userId));
      const deliveryIds = await this.notifications.record(manager, newcomers.map((member) => ({
        organizationId: actor.organizationId,
        userId: member.userId,
        kind: 'team.assigned',
        title: `您已被列为${meeting.title}班子成员`,
        body: `您已被列为“${meeting.title}”${meetingKindName(meeting.kind)}班子成员${member.role === 'secretary' ? `（${TEAM_ROLE_NAMES.secretary}）` : ''}。请按时完成谈心谈话、认领意见和对照检查材料，会议定于 ${meeting.heldOn} 召开。`,
        // The page a team member acts on (their items), not the API's JSON: a WeCom/DingTalk link lands there.
        link: '/me/items',
      })));
      return { members, deliveryIds };
    });
    await this.events.announceChange(meetingId);
    await this.notifications.dispatchDeliveries(deliveryIds);
    return this.describeTeam(actor, members);
  }

  private async describeTeam(actor: Pick<Actor, 'organizationId'>, members: TeamMember[]): Promise<TeamMemberView[]> {
    const [users, departments] = await Promise.all([
      this.users.findUsers(actor, members.map((member) => member.userId)),
      this.organizations.findDepartments(actor, members.flatMap((member) => member.oversees)),
    ]);
    return toTeamView(members, users, departments);
  }

  private resolveAspects(dto: CreateMeetingDto): string[] {
    if (dto.aspectPreset && dto.aspects) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '请在方面预设与自行列出的对照检查方面中二选一', [{ field: 'aspects', message: '与 aspectPreset 不能同时给出' }]);
    }
    if (dto.aspectPreset) {
      const preset = findAspectPreset(dto.aspectPreset);
      if (!preset) throw AppError.badRequest(ErrorCode.UnknownAspectPreset, `没有名为 ${dto.aspectPreset} 的方面预设`, [{ field: 'aspectPreset', message: '未知的方面预设' }]);
      return [...preset.aspects];
    }
    if (!dto.aspects) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '请给出对照检查的方面：选用一套方面预设，或逐条列出', [{ field: 'aspects', message: '缺少对照检查的方面' }]);
    }
    const aspects = dto.aspects.map((aspect) => aspect.trim());
    if (aspects.some((aspect) => aspect === '') || new Set(aspects).size !== aspects.length) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '对照检查的方面不能为空或重复', [{ field: 'aspects', message: '不能为空或重复' }]);
    }
    return aspects;
  }
}

/**
 * 征求意见、认领、谈心谈话、对照检查材料 all come before the meeting itself. The messages name the
 * deadlines as the pages do; each problem's `details` entry keeps the field it is about.
 */
function assertDeadlinesInOrder(deadlines: DeadlinesDto): void {
  const problems: Array<{ field: string; message: string }> = [];
  const label = (name: DeadlineName) => DEADLINE_FIELDS.find((deadline) => deadline.name === name)!.label;
  for (const { name } of DEADLINE_FIELDS) {
    if (!isRealDate(deadlines[name])) problems.push({ field: `deadlines.${name}`, message: `${label(name)}日期不是有效日期` });
    else if (name !== 'heldOn' && deadlines[name] > deadlines.heldOn) problems.push({ field: `deadlines.${name}`, message: `${label(name)}不能晚于${label('heldOn')}日期` });
  }
  if (deadlines.collectUntil > deadlines.claimUntil) problems.push({ field: 'deadlines.claimUntil', message: `${label('claimUntil')}不能早于${label('collectUntil')}` });
  if (problems.length) {
    throw AppError.badRequest(ErrorCode.InvalidDeadlines, `时间安排有误：${problems.map(({ message }) => message).join('；')}`, problems);
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

/** An organiser's additions to the aspect lexicon: for the meeting's aspects only, a few short words each. */
function checkedKeywords(aspects: string[], given: Record<string, unknown>): Record<string, string[]> {
  const refuse = (field: string, message: string): never => {
    throw AppError.badRequest(ErrorCode.ValidationFailed, message, [{ field: `aspectKeywords.${field}`, message }]);
  };
  const checked: Record<string, string[]> = {};
  for (const [aspect, words] of Object.entries(given)) {
    if (!aspects.includes(aspect)) refuse(aspect, `“${aspect}”不是本次会议的对照检查方面`);
    if (!Array.isArray(words) || words.length > 100 || !words.every((word) => typeof word === 'string' && word.trim().length >= 2 && word.trim().length <= 20)) {
      refuse(aspect, '关键词应为 2 到 20 个字的词语列表，每个方面最多 100 个');
    }
    checked[aspect] = [...new Set((words as string[]).map((word) => word.trim()))];
  }
  return checked;
}
