import { HttpStatus, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { Actor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { isRealDate } from '../common/dates';
import { newId } from '../common/ids';
import { ShortLivedCache } from '../common/short-lived-cache';
import { ChangeBus, ChangeTopic } from '../core/change-bus';
import { findOwned } from '../common/tenancy';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingScope } from '../meetings/meeting-scope';
import { TeamMemberView } from '../meetings/meeting.views';
import { MeetingEvents } from '../meetings/meeting-events';
import { MeetingsService } from '../meetings/meetings.service';
import { OpinionPool } from '../opinions/opinion-pool';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';
import { CorrectTalkDto, LogTalkDto, RequestCorrectionDto } from './dto/log-talk.dto';
import { pairKeyOf, pairStatuses, PairStatus, requiredTalks, RequiredTalk, talkRulesOf, TalkRule, TeamSeat, userKey, nameKey } from './talk-rules';
import { Talk } from './talk.entity';
import { RequiredTalkView, TalkMatrixView, TalkMetadataView, toTalkMetadata, toTalkView, TalkView } from './talk.views';

const REQUIREMENTS_TTL_MS = 3_000;

/** A meeting's required talks, with the team and the names they mention. */
interface Requirements {
  meeting: Meeting;
  team: TeamMemberView[];
  required: RequiredTalk[];
  statusOf: (pairKey: string) => PairStatus;
}

/**
 * 谈心谈话: the required pairs (必谈) computed from the team, the departments they oversee and
 * the meeting's rules; the records team members keep and their counterparts confirm. A talk's
 * content is for its two participants and, if the meeting allows, the secretary: to everyone
 * else it does not exist (404). Its opinions join the pool without it.
 */
@Injectable()
export class TalksService implements OnModuleDestroy {
  private readonly computed = new ShortLivedCache<string, Requirements>(REQUIREMENTS_TTL_MS);
  private readonly subscriptions: Subscription[];
  private readonly serializedMatrix = new Map<string, { computed: Requirements; key: string; json: string }>();

  constructor(
    @InjectRepository(Talk) private readonly talks: Repository<Talk>,
    private readonly meetings: MeetingsService,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
    private readonly pool: OpinionPool,
    meetingEvents: MeetingEvents,
    private readonly bus: ChangeBus,
  ) {
    const forget = (meetingId: string) => this.computed.forget(meetingId);
    this.subscriptions = [meetingEvents.changed.subscribe(forget), bus.on(ChangeTopic.Talks).subscribe(forget)];
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  async logTalk(actor: Actor, meetingId: string, dto: LogTalkDto): Promise<TalkView> {
    const scope = await this.meetings.scope(actor, meetingId);
    if (!scope.onTeam) throw AppError.forbidden('只有本次会议的班子成员可以记录谈心谈话');
    const meeting = scope.meeting;
    if (Boolean(dto.counterpartUserId) === Boolean(dto.counterpartName)) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '请给出谈话对象：有账号的填 counterpartUserId，没有账号的填 counterpartName，二者只填一个', [
        { field: 'counterpartUserId', message: '与 counterpartName 二者填且只填一个' },
      ]);
    }
    if (dto.counterpartUserId === actor.userId) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '谈话对象不能是自己', [{ field: 'counterpartUserId', message: '不能是自己' }]);
    }
    if (dto.counterpartUserId) await this.users.requireUsers(actor, [dto.counterpartUserId]);
    this.assertHeldOn(dto.heldOn);

    const talk: Talk = {
      id: newId(),
      organizationId: actor.organizationId,
      meetingId: meeting.id,
      loggedBy: actor.userId,
      counterpartUserId: dto.counterpartUserId ?? null,
      counterpartName: dto.counterpartUserId ? null : dto.counterpartName!,
      heldOn: dto.heldOn,
      place: dto.place || null,
      summary: dto.summary,
      status: 'logged',
      correctionComment: null,
      opinionCount: dto.opinions?.length ?? 0,
      loggedAt: this.clock.nowToSecond(),
      confirmedAt: null,
    };
    const entries = (dto.opinions ?? []).map(({ text, aspect, targetMemberId, attributable }) => ({
      text,
      aspect,
      targetMemberId,
      // Only an opinion its speaker agreed to have attributed points back to the talk (and so to its two people).
      sourceId: attributable ? talk.id : meeting.id,
    }));
    // The talk and its opinions in one transaction; what was said arrived on the day it was said.
    await this.pool.accept('talk', { organizationId: actor.organizationId, meetingId: meeting.id, sourceId: talk.id }, entries, {
      choices: scope.choices(),
      field: 'opinions',
      day: dto.heldOn,
      anonymous: false,
      writeAlongside: (manager) => manager.insert(Talk, talk),
    });
    await this.bus.publish(ChangeTopic.Talks, meeting.id);
    return this.view(scope, talk);
  }

  /** The record, for those who may read it; 404 for everyone else, whoever they are. */
  async getTalk(actor: Actor, id: string): Promise<TalkView> {
    const { talk, scope } = await this.readableTalk(actor, id);
    return this.view(scope, talk);
  }

  /** The counterpart agrees the record is right: the pair counts as `confirmed`. */
  async confirm(actor: Actor, id: string): Promise<TalkView> {
    const { talk, scope } = await this.readableTalk(actor, id);
    if (talk.counterpartUserId !== actor.userId) throw AppError.forbidden('只有谈话对象本人可以确认谈话记录');
    if (talk.status !== 'confirmed') {
      Object.assign(talk, { status: 'confirmed', confirmedAt: this.clock.nowToSecond(), correctionComment: null });
      await this.talks.update({ id: talk.id }, { status: talk.status, confirmedAt: talk.confirmedAt, correctionComment: null });
      await this.bus.publish(ChangeTopic.Talks, talk.meetingId);
    }
    return this.view(scope, talk);
  }

  /** The counterpart asks the recorder to correct the record, saying what is wrong. */
  async requestCorrection(actor: Actor, id: string, dto: RequestCorrectionDto): Promise<TalkView> {
    const { talk, scope } = await this.readableTalk(actor, id);
    if (talk.counterpartUserId !== actor.userId) throw AppError.forbidden('只有谈话对象本人可以要求更正谈话记录');
    if (talk.status === 'confirmed') throw AppError.conflict(ErrorCode.TalkConfirmed, '谈话记录已经确认，不能再要求更正');
    Object.assign(talk, { status: 'correction-requested', correctionComment: dto.comment });
    await this.talks.update({ id: talk.id }, { status: talk.status, correctionComment: talk.correctionComment });
    await this.bus.publish(ChangeTopic.Talks, talk.meetingId);
    return this.view(scope, talk);
  }

  /** The recorder corrects the record; it goes back to the counterpart for confirmation. */
  async correct(actor: Actor, id: string, dto: CorrectTalkDto): Promise<TalkView> {
    const { talk, scope } = await this.readableTalk(actor, id);
    if (talk.loggedBy !== actor.userId) throw AppError.forbidden('只有记录人可以修改谈话记录');
    if (talk.status === 'confirmed') throw AppError.conflict(ErrorCode.TalkConfirmed, '谈话记录已经确认，不能再修改');
    if (dto.heldOn !== undefined) this.assertHeldOn(dto.heldOn);
    const changes: Partial<Talk> = { status: 'logged', correctionComment: null };
    if (dto.heldOn !== undefined) changes.heldOn = dto.heldOn;
    if (dto.place !== undefined) changes.place = dto.place || null;
    if (dto.summary !== undefined) changes.summary = dto.summary;
    Object.assign(talk, changes);
    await this.talks.update({ id: talk.id }, changes);
    await this.bus.publish(ChangeTopic.Talks, talk.meetingId);
    return this.view(scope, talk);
  }

  /**
   * Talks of the meeting, metadata only (who, when, rule, status): all of them for organisers,
   * supervisors and the secretary; for other team members, the ones they took part in.
   */
  async listTalks(actor: Actor, meetingId: string): Promise<TalkMetadataView[]> {
    const { scope, ...requirements } = await this.requirements(actor, meetingId);
    const seesAll = scope.oversees || scope.isSecretary;
    const query = this.talks.createQueryBuilder('talk').where('talk.meetingId = :meetingId', { meetingId: requirements.meeting.id }).orderBy('talk.heldOn', 'ASC').addOrderBy('talk.loggedAt', 'ASC');
    if (!seesAll) query.andWhere(new Brackets((where) => where.where('talk.loggedBy = :me', { me: actor.userId }).orWhere('talk.counterpartUserId = :me', { me: actor.userId })));
    const talks = await query.getMany();
    const names = await this.namesOf(actor, talks);
    const ruleOf = rulesByPair(requirements.required);
    return talks.map((talk) => toTalkMetadata(talk, names, ruleOf(talk)));
  }

  /**
   * The talks the actor took part in (recorded them, or is their counterpart), whole, meeting by
   * meeting, newest first: for their own page. As a participant only: the secretary's wider right
   * to read (talkVisibility) is not used here.
   */
  async participantTalks(actor: Actor): Promise<Array<{ meeting: Meeting; talks: TalkView[] }>> {
    const talks = await this.talks
      .createQueryBuilder('talk')
      .where('talk.organizationId = :organizationId', { organizationId: actor.organizationId })
      .andWhere(new Brackets((where) => where.where('talk.loggedBy = :me', { me: actor.userId }).orWhere('talk.counterpartUserId = :me', { me: actor.userId })))
      .orderBy('talk.heldOn', 'DESC')
      .addOrderBy('talk.loggedAt', 'DESC')
      .getMany();
    const names = await this.namesOf(actor, talks);
    const byMeeting: Array<{ meeting: Meeting; talks: TalkView[] }> = [];
    for (const meetingId of new Set(talks.map((talk) => talk.meetingId))) {
      // Through the talks: a department head on no team still reaches the meetings of their talks.
      const scope = await this.meetings.scopeViaRecord(actor, meetingId);
      if (!scope) continue;
      const { required } = await this.computed.get(meetingId, async () => this.requirementsOf(actor, scope.meeting, await scope.team()));
      const ruleOf = rulesByPair(required);
      byMeeting.push({ meeting: scope.meeting, talks: talks.filter((talk) => talk.meetingId === meetingId).map((talk) => toTalkView(talk, names, ruleOf(talk))) });
    }
    return byMeeting;
  }

  /** The contract's list of required pairs with their status. */
  async requiredTalks(actor: Actor, meetingId: string): Promise<RequiredTalkView[]> {
    const { required, statusOf } = await this.requirements(actor, meetingId);
    return required.map(({ a, counterpart, rule, pairKey }) => ({
      a,
      b: counterpart.userId,
      counterpartName: counterpart.name,
      counterpartRole: counterpart.role,
      ...(counterpart.departmentName ? { departmentName: counterpart.departmentName } : {}),
      rule,
      status: statusOf(pairKey),
    }));
  }

  /**
   * The matrix as JSON, serialised once per computation (and day): a board polled by many
   * readers sends the same text, and JSON.stringify of the grid was the largest cost of a read.
   */
  async matrixJson(actor: Actor, meetingId: string): Promise<string> {
    const { computed, meeting } = await this.computedRequirements(actor, meetingId);
    const key = `${this.clock.today()}|${meeting.talksUntil}`;
    const cached = this.serializedMatrix.get(meeting.id);
    if (cached?.computed === computed && cached.key === key) return cached.json;
    const json = JSON.stringify(this.matrixOf({ ...computed, meeting }));
    this.serializedMatrix.set(meeting.id, { computed, key, json });
    if (this.serializedMatrix.size > 1_000) this.serializedMatrix.clear();
    return json;
  }

  /** Members × counterparts with each required pair's status, for a client to draw as a grid. */
  async matrix(actor: Actor, meetingId: string): Promise<TalkMatrixView> {
    return this.matrixOf(await this.requirements(actor, meetingId));
  }

  private matrixOf({ meeting, team, required, statusOf }: Requirements): TalkMatrixView {
    const late = meeting.talksUntil < this.clock.today();
    const columns = new Map<string, TalkMatrixView['columns'][number]>();
    for (const { counterpart } of required) {
      if (!columns.has(counterpart.key)) {
        const { key, userId, name, role, departmentName } = counterpart;
        columns.set(key, { key, userId, name, role, ...(departmentName ? { departmentName } : {}) });
      }
    }
    const cells = required.map(({ a, counterpart, rule, pairKey }) => {
      const status = statusOf(pairKey);
      return { row: a, column: counterpart.key, rule, status, overdue: late && status === 'pending' };
    });
    const count = (status: PairStatus) => cells.filter((cell) => cell.status === status).length;
    return {
      meetingId: meeting.id,
      talksUntil: meeting.talksUntil,
      overdue: late && count('pending') > 0,
      rows: team.map((seat) => ({ userId: seat.userId, name: seat.displayName, role: seat.role })),
      columns: [...columns.values()],
      cells,
      totals: { required: cells.length, pending: count('pending'), held: count('held'), confirmed: count('confirmed') },
    };
  }

  /** The requirements of a meeting the actor may see (404 otherwise). */
  /**
   * The requirements of a meeting the actor may see (404 otherwise), remembered for a few
   * seconds: a progress board polled by many is one computation, not one per reader. A talk
   * logged, confirmed or corrected, or a change to the meeting (team, rules), forgets it at once
   * in every process (the change bus); a department's head or a person's branch changed shows within REQUIREMENTS_TTL_MS.
   */
  private async requirements(actor: Actor, meetingId: string): Promise<Requirements & { scope: MeetingScope }> {
    const { computed, scope } = await this.computedRequirements(actor, meetingId);
    // The meeting as read just now: its deadline decides what is overdue.
    return { ...computed, meeting: scope.meeting, scope };
  }

  private async computedRequirements(actor: Actor, meetingId: string): Promise<{ computed: Requirements; scope: MeetingScope; meeting: Meeting }> {
    const scope = await this.meetings.scope(actor, meetingId);
    const meeting = scope.meeting;
    const computed = await this.computed.get(meeting.id, async () => this.requirementsOf(actor, meeting, await scope.team()));
    return { computed, scope, meeting };
  }

  private async requirementsOf(actor: Actor, meeting: Meeting, team: TeamMemberView[]): Promise<Requirements> {
    const rules = talkRulesOf(meeting);
    const [people, departments, talks] = await Promise.all([
      this.users.findUsers(actor, team.map((seat) => seat.userId)),
      rules['department-head'] ? this.organizations.listDepartments(actor) : Promise.resolve([]),
      this.talks.find({ where: { meetingId: meeting.id }, select: { loggedBy: true, counterpartUserId: true, counterpartName: true, status: true } }),
    ]);
    const branchOf = new Map(people.map((person) => [person.id, person.branchId]));
    const seats: TeamSeat[] = team.map((seat) => ({ userId: seat.userId, name: seat.displayName, role: seat.role, oversees: seat.oversees.map((department) => department.id), branchId: branchOf.get(seat.userId) ?? null }));
    const branchIds = [...new Set(seats.flatMap((seat) => (seat.branchId ? [seat.branchId] : [])))];
    const branchPeople = rules.branch ? await this.users.findByBranches(actor, branchIds) : [];
    const heads = departments.flatMap((department) =>
      department.headName ? [{ departmentId: department.id, departmentName: department.name, headUserId: department.headUserId, headName: department.headName }] : [],
    );
    const required = requiredTalks(seats, heads, branchPeople.map((person) => ({ userId: person.id, name: person.displayName, branchId: person.branchId! })), rules);
    const statusOf = pairStatuses(talks.map((talk) => ({ ...talk, confirmed: talk.status === 'confirmed' })));
    return { meeting, team, required, statusOf };
  }

  /** The talk, if the actor took part in it or the meeting lets them read it; otherwise 404 as if it did not exist. */
  private async readableTalk(actor: Actor, id: string): Promise<{ talk: Talk; scope: MeetingScope }> {
    const talk = await findOwned(this.talks, actor, id, '谈话记录');
    // Through the talk: its counterpart (a department's head, say) need not sit on the team.
    const scope = await this.meetings.scopeViaRecord(actor, talk.meetingId);
    if (!scope) throw AppError.notFound('谈话记录');
    const participant = talk.loggedBy === actor.userId || talk.counterpartUserId === actor.userId;
    const secretaryMayRead = scope.meeting.talkVisibility === 'participants-and-secretary' && scope.isSecretary;
    if (!participant && !secretaryMayRead) throw AppError.notFound('谈话记录');
    return { talk, scope };
  }

  private async view(scope: MeetingScope, talk: Talk): Promise<TalkView> {
    const names = await this.namesOf(scope.actor, [talk]);
    const { required } = await this.requirementsOf(scope.actor, scope.meeting, await scope.team());
    return toTalkView(talk, names, rulesByPair(required)(talk));
  }

  private async namesOf(actor: Actor, talks: Talk[]): Promise<Map<string, string>> {
    const ids = talks.flatMap((talk) => [talk.loggedBy, ...(talk.counterpartUserId ? [talk.counterpartUserId] : [])]);
    return new Map((await this.users.findUsers(actor, ids)).map((user) => [user.id, user.displayName]));
  }

  private assertHeldOn(heldOn: string): void {
    if (!isRealDate(heldOn) || heldOn > this.clock.today()) {
      throw new AppError(ErrorCode.ValidationFailed, HttpStatus.BAD_REQUEST, '谈话日期应为今天或之前的有效日期', [{ field: 'heldOn', message: '不是今天或之前的有效日期' }]);
    }
  }
}

/** The rule of the required pair a talk satisfies, or null when it satisfies none. */
function rulesByPair(required: RequiredTalk[]): (talk: Pick<Talk, 'loggedBy' | 'counterpartUserId' | 'counterpartName'>) => TalkRule | null {
  const rules = new Map(required.map((pair) => [pair.pairKey, pair.rule]));
  return (talk) => rules.get(pairKeyOf(talk.loggedBy, talk.counterpartUserId ? userKey(talk.counterpartUserId) : nameKey(talk.counterpartName ?? ''))) ?? null;
}
