import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { Actor, hasRole } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { cleanFileName } from '../common/file-names';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Role } from '../common/roles';
import { StoredFile } from '../common/file-store';
import { SupervisedUnits } from '../common/supervised-units';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingScope } from '../meetings/meeting-scope';
import { TeamMemberView } from '../meetings/meeting.views';
import { MeetingsService } from '../meetings/meetings.service';
import { UsersService } from '../users/users.service';
import { CheckMaterial } from './check-material.entity';
import { CommentMaterialDto } from './dto/comment-material.dto';
import { MoveMaterialDto } from './dto/move-material.dto';
import { detectFileType, MATERIAL_CONTENT_TYPES, MaterialFileType } from '../common/file-type';
import { MaterialEvent } from './material-event.entity';
import { MaterialDraftsService } from './material-drafts.service';
import { MaterialFiles } from './material-files';
import { TEAM } from './draft-assembly';
import { acceptsFile, MATERIAL_KIND_NAMES, MaterialKind, MaterialParty, moveMadeBy, readableBySupervisors, TEAM_MATERIAL } from './material-states';
import { MATERIAL_STATUS_NAMES, MaterialCommentView, MaterialDetailView, MaterialView } from './material.views';

/** A member's material and where the actor stands towards it. */
interface MaterialContext {
  meeting: Meeting;
  seat: TeamMemberView;
  material: CheckMaterial;
  /** The row is not stored yet: the member has not started. */
  fresh: boolean;
  parties: Set<MaterialParty>;
  /** The actor reaches it as the 督导组 only (not its author, its reviewer as secretary, nor an organiser): submitted ones only. */
  asSupervisor: boolean;
}

/**
 * Each team member's two materials, 对照检查材料 (`check`) and 发言提纲 (`outline`), and the
 * team's 领导班子对照检查材料 (`team`, under the secretary's seat), each moving
 * not-started → drafting → submitted → returned (with the reviewer's comments) or approved. The
 * secretary reviews the members'; an organiser or supervisor reviews the secretary's. The 督导组
 * reads them once submitted and comments (督导组意见) without moving them. Every change and
 * comment is kept with who and when.
 */
@Injectable()
export class MaterialsService {
  constructor(
    @InjectRepository(CheckMaterial) private readonly materials: Repository<CheckMaterial>,
    @InjectRepository(MaterialEvent) private readonly events: Repository<MaterialEvent>,
    private readonly meetings: MeetingsService,
    private readonly users: UsersService,
    private readonly files: MaterialFiles,
    private readonly drafts: MaterialDraftsService,
    private readonly supervisedUnits: SupervisedUnits,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Every team member's material of the kind with its status, for the team and the organisers;
   * the 督导组's comments only where the actor may read them (see MaterialView.comments).
   */
  async list(actor: Actor, meetingId: string, kind: MaterialKind = 'check'): Promise<MaterialView[]> {
    const scope = await this.meetings.scope(actor, meetingId);
    const meeting = scope.meeting;
    // The team's material sits under the secretary's seat: one row, not one a member.
    const team = (await scope.team()).filter((seat) => kind !== TEAM_MATERIAL || seat.role === 'secretary');
    const stored = await this.materials.find({ where: { meetingId: meeting.id, kind } });
    const comments = await this.commentsOn(actor, stored.filter((material) => readsComments(scope, material.memberUserId)));
    return team.map((seat) => {
      const material = stored.find((candidate) => candidate.memberUserId === seat.userId) ?? notStarted(meeting, seat.userId, kind);
      return toView(seat, material, comments.get(material.id) ?? []);
    });
  }

  /** The material with its history, for its author, its reviewer, the organisers and (once submitted) the 督导组; 404 for others. */
  async get(actor: Actor, meetingId: string, memberId: string, kind: MaterialKind = 'check'): Promise<MaterialDetailView> {
    const context = readable(await this.context(actor, meetingId, memberId, kind));
    const events = context.fresh ? [] : await this.events.find({ where: { materialId: context.material.id }, order: { step: 'ASC' } });
    const names = await this.namesOf(actor, events);
    return {
      ...toView(context.seat, context.material, events.filter((event) => event.kind === 'comment').map((event) => toComment(event, names))),
      history: events.map((event) => ({ kind: event.kind, from: event.fromStatus, to: event.toStatus, note: event.note, by: { userId: event.byUserId, name: names.get(event.byUserId) ?? '' }, at: event.at.toISOString() })),
    };
  }

  /** Moves the material on, if the move exists (else 409) and the actor is the one to make it (else 403). */
  async move(actor: Actor, meetingId: string, memberId: string, dto: MoveMaterialDto, kind: MaterialKind = 'check'): Promise<MaterialDetailView> {
    const context = await this.context(actor, meetingId, memberId, kind);
    const { material } = context;
    const from = material.status;
    const party = moveMadeBy(from, dto.status);
    if (!party) {
      throw AppError.conflict(ErrorCode.IllegalTransition, `${MATERIAL_KIND_NAMES[kind]}不能从“${MATERIAL_STATUS_NAMES[from]}”改为“${MATERIAL_STATUS_NAMES[dto.status]}”`);
    }
    if (!context.parties.has(party)) {
      const reviewer = kind === TEAM_MATERIAL ? '领导班子对照检查材料由组织部门或督导组审核' : context.seat.role === 'secretary' ? '主要负责同志的材料由组织部门或督导组审核' : '班子成员的材料由主要负责同志审核';
      throw AppError.forbidden(party === 'author' ? (kind === TEAM_MATERIAL ? '领导班子对照检查材料由主要负责同志提交' : '只有材料本人可以这样修改状态') : reviewer);
    }
    if (dto.status === 'returned' && !dto.comment) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '退回时请写明修改意见', [{ field: 'comment', message: '退回时必填' }]);
    }
    const note = dto.status === 'submitted' && !material.fileKey ? await this.fromDraft(context, dto) : null;
    material.status = dto.status;
    if (dto.status === 'returned') material.reviewComment = dto.comment!;
    if (dto.status === 'approved') material.reviewComment = dto.comment || null;
    await this.store(context, { kind: 'status', fromStatus: from, toStatus: dto.status, note: [note, dto.comment].filter(Boolean).join('；') || null, byUserId: actor.userId });
    return this.get(actor, meetingId, memberId, kind);
  }

  /**
   * 督导组意见: a supervisor's comment on a material submitted (or since returned or approved),
   * kept in its history for its author, the secretary and the organisers to read. The status
   * stays: the review is still the secretary's (or, for the secretary's own, the organisers').
   */
  async comment(actor: Actor, meetingId: string, memberId: string, dto: CommentMaterialDto, kind: MaterialKind = 'check'): Promise<MaterialDetailView> {
    if (!hasRole(actor, Role.Supervisor)) throw AppError.forbidden('督导组意见由督导组填写');
    const context = await this.context(actor, meetingId, memberId, kind);
    if (context.parties.has('author')) throw AppError.forbidden('督导组意见不能写在本人的材料上');
    // Whatever other roles the supervisor holds: a comment is on what was submitted, never on a draft.
    readable({ ...context, asSupervisor: true }, true);
    const status = context.material.status;
    await this.store(context, { kind: 'comment', fromStatus: status, toStatus: status, note: dto.text, byUserId: actor.userId }, false);
    return this.get(actor, meetingId, memberId, kind);
  }

  /**
   * The author's file, a PDF or .docx by its content (415 otherwise, and nothing is written).
   * Uploading a first file starts the draft; a new file replaces the old one.
   */
  async upload(actor: Actor, meetingId: string, memberId: string, content: Buffer | null, declaredType: string, fileName: string | undefined, kind: MaterialKind = 'check'): Promise<MaterialDetailView> {
    const context = await this.context(actor, meetingId, memberId, kind);
    if (!context.parties.has('author')) throw AppError.forbidden(`只有材料本人可以上传${MATERIAL_KIND_NAMES[kind]}`);
    if (!content || content.length === 0) throw AppError.badRequest(ErrorCode.ValidationFailed, '请在请求体中上传 PDF 或 Word（.docx）文件');
    const { material } = context;
    if (!acceptsFile(material.status)) {
      throw AppError.conflict(ErrorCode.IllegalTransition, `材料${MATERIAL_STATUS_NAMES[material.status]}，不能再更换文件`);
    }
    const type = detectFileType(content);
    const declared = declaredType.split(';')[0].trim().toLowerCase();
    if (!type || (declared !== 'application/octet-stream' && declared !== MATERIAL_CONTENT_TYPES[type])) {
      throw new AppError(ErrorCode.UnsupportedMediaType, HttpStatus.UNSUPPORTED_MEDIA_TYPE, '只能上传 PDF 或 Word（.docx）文件，且文件内容须与类型一致');
    }
    const oldKey = material.fileKey;
    const key = await this.files.save(content, type);
    const from = material.status;
    Object.assign(material, { fileKey: key, fileType: type, fileSize: content.length, fileName: materialFileName(fileName, type, kind), status: from === 'not-started' ? 'drafting' : from });
    try {
      await this.store(context, { kind: 'upload', fromStatus: from, toStatus: material.status, note: material.fileName, byUserId: actor.userId });
    } catch (error) {
      await this.files.remove(key);
      throw error;
    }
    await this.files.remove(oldKey);
    return this.get(actor, meetingId, memberId, kind);
  }

  async download(actor: Actor, meetingId: string, memberId: string, kind: MaterialKind = 'check'): Promise<StoredFile> {
    const { material } = readable(await this.context(actor, meetingId, memberId, kind));
    if (!material.fileKey || !material.fileType) throw AppError.notFound('材料文件');
    return this.files.download(material.fileKey, material.fileName ?? `${MATERIAL_KIND_NAMES[kind]}.${material.fileType}`, MATERIAL_CONTENT_TYPES[material.fileType], '材料文件已不在服务器上，请重新上传');
  }

  /**
   * A material (a member's 对照检查材料 or 发言提纲, the team's) submitted without a file is its saved draft: when
   * the draft leaves claimed items unanswered the author must say so (`confirmUncovered`), and
   * the history records it. Null when there is no saved draft (the status moves as it always has).
   */
  private async fromDraft(context: MaterialContext, dto: MoveMaterialDto): Promise<string | null> {
    const { kind } = context.material;
    const draft = await this.drafts.submission(context.meeting, kind === TEAM_MATERIAL ? TEAM : context.seat.userId, kind === 'outline' ? 'outline' : 'check');
    if (!draft) return null;
    const words = draft.missing.map((item) => `“${item.summary.length > 40 ? `${item.summary.slice(0, 40)}…` : item.summary}”`).join('、');
    if (draft.missing.length && dto.confirmUncovered !== true) {
      throw AppError.badRequest(ErrorCode.UncoveredItems, `草稿还有 ${draft.missing.length} 条认领事项未回应：${words}。确需提交请确认（confirmUncovered: true）`);
    }
    const note = `以草稿第${draft.version}版提交${draft.missing.length ? `，经确认尚有 ${draft.missing.length} 条认领事项未回应：${words}` : ''}`;
    return note.length > 1800 ? `${note.slice(0, 1799)}…` : note;
  }

  /** The 督导组's comments on these materials, oldest first, by material. */
  private async commentsOn(actor: Actor, materials: CheckMaterial[]): Promise<Map<string, MaterialCommentView[]>> {
    const byMaterial = new Map<string, MaterialCommentView[]>();
    if (materials.length === 0) return byMaterial;
    const events = await this.events.find({ where: { materialId: In(materials.map((material) => material.id)), kind: 'comment' }, order: { at: 'ASC', step: 'ASC' } });
    const names = await this.namesOf(actor, events);
    for (const event of events) byMaterial.set(event.materialId, [...(byMaterial.get(event.materialId) ?? []), toComment(event, names)]);
    return byMaterial;
  }

  /**
   * Who made these changes, by id: the unit's own people by name; a parent body's supervisor, whose
   * account the unit cannot read, by the name of their 督导组 over the unit.
   */
  private async namesOf(actor: Actor, events: MaterialEvent[]): Promise<Map<string, string>> {
    if (events.length === 0) return new Map();
    const ids = [...new Set(events.map((event) => event.byUserId))];
    const names = new Map((await this.users.findUsers(actor, ids)).map((user) => [user.id, user.displayName]));
    const outside = ids.filter((id) => !names.has(id));
    for (const [id, group] of await this.supervisedUnits.groupNamesIn(actor.organizationId, outside)) names.set(id, group);
    return names;
  }

  private async context(actor: Actor, meetingId: string, memberId: string, kind: MaterialKind): Promise<MaterialContext> {
    const scope = await this.meetings.scope(actor, meetingId);
    const meeting = scope.meeting;
    const seat = (await scope.team()).find((candidate) => candidate.userId === memberId);
    // The team's material is the secretary's to write: under any other seat there is none.
    if (!seat || (kind === TEAM_MATERIAL && seat.role !== 'secretary')) throw AppError.notFound(MATERIAL_KIND_NAMES[kind]);
    const parties = new Set<MaterialParty>();
    if (actor.userId === memberId) parties.add('author');
    // The secretary's material is reviewed by the organisers or the 督导组; a member's by the secretary.
    const reviews = seat.role === 'secretary' ? scope.oversees : scope.isSecretary;
    if (reviews && actor.userId !== memberId) parties.add('reviewer');
    if (parties.size === 0 && !scope.oversees) throw AppError.notFound(MATERIAL_KIND_NAMES[kind]);
    const asSupervisor = actor.userId !== memberId && !hasRole(actor, Role.Organiser) && !(seat.role === 'member' && scope.isSecretary);
    const stored = await this.materials.findOne({ where: { meetingId: meeting.id, memberUserId: memberId, kind } });
    return { meeting, seat, material: stored ?? notStarted(meeting, memberId, kind), fresh: !stored, parties, asSupervisor };
  }

  /**
   * The material and its event, together: a change is never kept without its record. A comment
   * (`touches` false) leaves the material's own row as it was, its date included.
   */
  private async store(context: MaterialContext, event: Pick<MaterialEvent, 'kind' | 'fromStatus' | 'toStatus' | 'note' | 'byUserId'>, touches = true): Promise<void> {
    const now = this.clock.nowToSecond();
    if (touches) context.material.updatedAt = now;
    await this.dataSource.transaction(async (manager) => {
      if (context.fresh) await manager.insert(CheckMaterial, context.material);
      else if (touches) await manager.update(CheckMaterial, { id: context.material.id }, { ...context.material });
      const step = (await manager.count(MaterialEvent, { where: { materialId: context.material.id } })) + 1;
      await manager.insert(MaterialEvent, { id: newId(), organizationId: context.meeting.organizationId, materialId: context.material.id, at: now, step, ...event });
    });
    context.fresh = false;
  }
}

/**
 * The context, if the actor may read the material: the 督导组 reads a material once it has been
 * submitted, never a draft (403: the list already shows every member's status, so hiding the
 * material behind a 404 would hide nothing). `commenting`: a comment on a draft is refused alike.
 */
function readable(context: MaterialContext, commenting = false): MaterialContext {
  if (context.asSupervisor && !readableBySupervisors(context.material.status)) {
    throw AppError.forbidden(`${context.seat.displayName}的${MATERIAL_KIND_NAMES[context.material.kind]}${MATERIAL_STATUS_NAMES[context.material.status]}，提交后督导组方可${commenting ? '提出意见' : '查阅'}`);
  }
  return context;
}

/** Whether the actor reads the 督导组's comments on this member's materials: the member, the secretary, organisers and supervisors. */
function readsComments(scope: MeetingScope, memberUserId: string): boolean {
  return scope.actor.userId === memberUserId || scope.isSecretary || scope.oversees;
}

function notStarted(meeting: Meeting, memberUserId: string, kind: MaterialKind): CheckMaterial {
  return {
    id: newId(),
    organizationId: meeting.organizationId,
    meetingId: meeting.id,
    memberUserId,
    kind,
    status: 'not-started',
    reviewComment: null,
    fileName: null,
    fileType: null,
    fileSize: null,
    fileKey: null,
    updatedAt: new Date(0),
  };
}

function toView(seat: TeamMemberView, material: CheckMaterial, comments: MaterialCommentView[]): MaterialView {
  return {
    memberUserId: seat.userId,
    name: seat.displayName,
    role: seat.role,
    kind: material.kind,
    status: material.status,
    reviewedBy: seat.role === 'secretary' ? 'organiser' : 'secretary',
    file: material.fileKey && material.fileType ? { name: material.fileName ?? '', type: material.fileType, size: material.fileSize ?? 0 } : null,
    reviewComment: material.reviewComment,
    updatedAt: material.status === 'not-started' && !material.fileKey ? null : material.updatedAt.toISOString(),
    comments,
  };
}

function toComment(event: MaterialEvent, names: Map<string, string>): MaterialCommentView {
  return { text: event.note ?? '', by: { userId: event.byUserId, name: names.get(event.byUserId) ?? '' }, at: event.at.toISOString() };
}

/** A file name to show and to download under: no path, no control characters, the right extension. */
function materialFileName(given: string | undefined, type: MaterialFileType, kind: MaterialKind): string {
  return cleanFileName(given, MATERIAL_KIND_NAMES[kind], type, /\.(pdf|docx?)$/i);
}
