import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Actor, hasRole } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Role } from '../common/roles';
import { ItemClaim } from '../items/item-claim.entity';
import { ItemsService } from '../items/items.service';
import { OpinionItem } from '../items/opinion-item.entity';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingsService } from '../meetings/meetings.service';
import { Rectification } from '../rectifications/rectification.entity';
import { statusToday } from '../rectifications/rectification-mapping';
import { assembleDraft, assembleOutline, DRAFT_KEYS, DRAFT_SECTION_TITLES, DraftCarryOver, DraftKind, DraftSection, draftCoverage, DraftSource, draftTitle, TEAM } from './draft-assembly';
import { draftAsDocx } from './draft-docx';
import { SaveDraftDto } from './dto/save-draft.dto';
import { MaterialDraft } from './material-draft.entity';
import { MaterialDraftView } from './material-draft.views';

/** Whose draft, as the actor reaches it. */
interface DraftContext {
  meeting: Meeting;
  /** The member's user id, or `team`. */
  memberId: string;
  /** The member's name; null for the team. */
  memberName: string | null;
  kind: DraftKind;
  /** The other team members' names, in the team's order (the 发言提纲's 相互批评). */
  fellows: string[];
}

/** What a submission from a saved draft is checked against. */
export interface DraftSubmission {
  version: number;
  missing: Array<{ id: string; summary: string }>;
}

/**
 * Drafts of the 对照检查材料 (and of a member's 发言提纲): assembled from what the member claimed
 * and answered (or, for the team, from the team's items), edited section by section, each save a
 * version of its kind. Read by the member, the meeting's secretary and the organisers; written by
 * the member (the secretary for the team). Never the 督导组's to read: they read what is submitted.
 */
@Injectable()
export class MaterialDraftsService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly items: ItemsService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, meetingId: string, memberId: string, kind: DraftKind = 'check'): Promise<MaterialDraftView> {
    return this.viewOf(await this.context(actor, meetingId, memberId, false, kind));
  }

  async save(actor: Actor, meetingId: string, memberId: string, dto: SaveDraftDto, kind: DraftKind = 'check'): Promise<MaterialDraftView> {
    const context = await this.context(actor, meetingId, memberId, true, kind);
    const keys = dto.sections.map((section) => section.key);
    if (new Set(keys).size !== keys.length) throw AppError.badRequest(ErrorCode.ValidationFailed, '同一部分只能出现一次', [{ field: 'sections', message: '部分重复' }]);
    const foreign = keys.find((key) => !DRAFT_KEYS[kind].includes(key));
    if (foreign) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, `${kind === 'outline' ? '发言提纲' : '对照检查材料'}草稿没有“${foreign}”这一部分，只有 ${DRAFT_KEYS[kind].join('、')}`, [{ field: 'sections', message: `未知的部分 ${foreign}` }]);
    }
    const current = await this.viewOf(context);
    const sections: DraftSection[] = DRAFT_KEYS[kind].map((key) => {
      const given = dto.sections.find((section) => section.key === key);
      const paragraphs = given ? given.paragraphs.map((paragraph) => paragraph.trim()).filter(Boolean) : current.sections.find((section) => section.key === key)!.paragraphs;
      return { key, title: DRAFT_SECTION_TITLES[key], paragraphs };
    });
    const repository = this.dataSource.getRepository(MaterialDraft);
    const version = (current.version ?? 0) + 1;
    try {
      await repository.insert({ id: newId(), organizationId: context.meeting.organizationId, meetingId: context.meeting.id, memberUserId: context.memberId, kind, version, sections, savedBy: actor.userId, savedAt: this.clock.nowToSecond() });
    } catch {
      throw AppError.conflict(ErrorCode.Conflict, '草稿刚刚被另一次保存更新，请刷新后再保存');
    }
    return this.viewOf(context);
  }

  async docx(actor: Actor, meetingId: string, memberId: string, kind: DraftKind = 'check'): Promise<{ name: string; content: Buffer }> {
    const view = await this.get(actor, meetingId, memberId, kind);
    return { name: `${view.title}.docx`, content: await draftAsDocx(view.title, view.sections) };
  }

  /**
   * For submitting a material (a member's 对照检查材料 or 发言提纲, the team's): the latest saved
   * draft's version and the claimed items it leaves unanswered; null when nothing is saved (the
   * uploaded file is the material).
   */
  async submission(meeting: Meeting, memberId: string, kind: DraftKind = 'check'): Promise<DraftSubmission | null> {
    const saved = await this.latest(meeting.id, memberId, kind);
    if (!saved) return null;
    const sources = await this.sourcesOf({ meeting, memberId });
    const coverage = draftCoverage(sources, saved.sections, kind);
    return { version: saved.version, missing: sources.filter((source) => coverage.missing.includes(source.itemId)).map((source) => ({ id: source.itemId, summary: source.summary })) };
  }

  /**
   * 人人认领、条条回应 for the board: for each member, their claimed items and how many their
   * material answers (the latest saved draft, else the draft as assembled, which answers every
   * answered claim).
   */
  async coverageByMember(meeting: Meeting, memberIds: readonly string[]): Promise<Map<string, { claimed: number; answered: number }>> {
    const entries = await Promise.all(
      memberIds.map(async (memberId) => {
        const [sources, saved] = await Promise.all([this.sourcesOf({ meeting, memberId }), this.latest(meeting.id, memberId, 'check')]);
        const sections = saved?.sections ?? assembleDraft({ memberName: null, year: meeting.year, aspects: meeting.aspects, sources, carryOver: null }).sections;
        const { claimed, answered } = draftCoverage(sources, sections);
        return [memberId, { claimed, answered }] as const;
      }),
    );
    return new Map(entries);
  }

  private async viewOf(context: DraftContext): Promise<MaterialDraftView> {
    const { kind, meeting } = context;
    const [sources, saved] = await Promise.all([this.sourcesOf(context), this.latest(meeting.id, context.memberId, kind)]);
    const sections = saved ? saved.sections : (await this.assembled(context, sources)).sections;
    const coverage = draftCoverage(sources, sections, kind);
    return {
      title: draftTitle(context.memberName, meeting.year, kind),
      sections: sections.map(({ key, title, paragraphs }) => ({ key, title, paragraphs })),
      coverage: {
        ...coverage,
        missingItems: sources.filter((source) => coverage.missing.includes(source.itemId)).map((source) => ({ id: source.itemId, aspect: source.aspect, summary: source.summary })),
      },
      version: saved?.version ?? null,
      savedAt: saved?.savedAt.toISOString() ?? null,
    };
  }

  /** The draft as assembled afresh from the claims, in its kind's skeleton. */
  private async assembled(context: DraftContext, sources: DraftSource[]): Promise<{ sections: DraftSection[] }> {
    const { meeting } = context;
    if (context.kind === 'outline') return assembleOutline({ memberName: context.memberName!, year: meeting.year, aspects: meeting.aspects, sources, fellows: context.fellows });
    return assembleDraft({ memberName: context.memberName, year: meeting.year, aspects: meeting.aspects, sources, carryOver: await this.carryOverOf(context) });
  }

  private latest(meetingId: string, memberId: string, kind: DraftKind): Promise<MaterialDraft | null> {
    return this.dataSource.getRepository(MaterialDraft).findOne({ where: { meetingId, memberUserId: memberId, kind }, order: { version: 'DESC' } });
  }

  /**
   * What the draft answers: the member's lead claims on published items, each with its answer;
   * for the team, the team's published items (no member named), each with its lead's answer, or
   * failing that any claim's.
   */
  private async sourcesOf(context: Pick<DraftContext, 'meeting' | 'memberId'>): Promise<DraftSource[]> {
    const meetingId = context.meeting.id;
    const claims = this.dataSource.getRepository(ItemClaim);
    if (context.memberId === TEAM) {
      const teamItems = await this.items.publishedItems(meetingId, { team: true });
      const onThem = teamItems.length ? await claims.find({ where: { meetingId, itemId: In(teamItems.map((item) => item.id)) }, order: { createdAt: 'ASC', id: 'ASC' } }) : [];
      return teamItems.map((item) => {
        const answers = onThem.filter((claim) => claim.itemId === item.id && claim.reflection?.trim());
        const answer = answers.find((claim) => claim.kind === 'lead') ?? answers[0];
        return toSource(item, answer);
      });
    }
    const leads = await claims.find({ where: { meetingId, memberUserId: context.memberId, kind: 'lead' } });
    if (!leads.length) return [];
    const claimed = await this.items.publishedItems(meetingId, { ids: leads.map((claim) => claim.itemId) });
    return claimed.map((item) => toSource(item, leads.find((claim) => claim.itemId === item.id)));
  }

  /** The previous meeting's ledger entries the member owned (the team: all), each as it stands now; null when no previous meeting is named. */
  private async carryOverOf(context: DraftContext): Promise<DraftCarryOver[] | null> {
    const previousId = context.meeting.previousMeetingId;
    if (!previousId) return null;
    const entries = this.dataSource.getRepository(Rectification);
    const earlier = await entries.find({
      where: { meetingId: previousId, organizationId: context.meeting.organizationId, ...(context.memberId === TEAM ? {} : { ownerUserId: context.memberId }) },
      order: { seq: 'ASC', id: 'ASC' },
    });
    if (!earlier.length) return [];
    const carried = await entries.find({ where: { meetingId: context.meeting.id, carriedFromId: In(earlier.map((entry) => entry.id)) } });
    const today = this.clock.today();
    return earlier.map((entry) => {
      const now = carried.find((candidate) => candidate.carriedFromId === entry.id) ?? entry;
      return { problem: entry.problem, dueDate: now.dueDate, status: statusToday(now, today) };
    });
  }

  /**
   * Who reaches whose draft: the member their own; the secretary and the organisers every
   * member's and the team's (404 for a meeting of another organisation, or a member not on the
   * team; a fellow member 404 as for the material itself; the 督导组 403: drafts are not theirs to
   * read). Writing: the member their own, the secretary the team's.
   */
  private async context(actor: Actor, meetingId: string, memberId: string, write: boolean, kind: DraftKind): Promise<DraftContext> {
    const scope = await this.meetings.scope(actor, meetingId);
    const organiser = hasRole(actor, Role.Organiser);
    // The team has a 对照检查材料; a 发言提纲 is a member's own.
    if (memberId === TEAM && kind === 'outline') throw AppError.notFound('发言提纲草稿');
    if (memberId === TEAM) {
      if (!scope.isSecretary && !organiser) {
        if (scope.oversees || scope.onTeam) throw AppError.forbidden('领导班子对照检查材料草稿由主要负责同志起草，组织部门可以查阅');
        throw AppError.notFound('对照检查材料草稿');
      }
      if (write && !scope.isSecretary) throw AppError.forbidden('领导班子对照检查材料草稿由主要负责同志修改');
      return { meeting: scope.meeting, memberId, memberName: null, kind, fellows: [] };
    }
    const team = await scope.team();
    const seat = team.find((candidate) => candidate.userId === memberId);
    if (!seat) throw AppError.notFound('对照检查材料草稿');
    const mine = actor.userId === memberId;
    if (!mine && !scope.isSecretary && !organiser) {
      if (scope.oversees) throw AppError.forbidden('对照检查材料草稿只供本人起草，提交后督导组方可查阅材料');
      throw AppError.notFound('对照检查材料草稿');
    }
    if (write && !mine) throw AppError.forbidden('只有材料本人可以修改自己的对照检查材料草稿');
    return { meeting: scope.meeting, memberId, memberName: seat.displayName, kind, fellows: team.filter((other) => other.userId !== memberId).map((other) => other.displayName) };
  }
}

function toSource(item: OpinionItem, claim: ItemClaim | undefined): DraftSource {
  return { itemId: item.id, aspect: item.aspect, summary: item.summary, reflection: claim?.reflection ?? null, measures: claim?.measures ?? null, dueDate: claim?.dueDate ?? null };
}
