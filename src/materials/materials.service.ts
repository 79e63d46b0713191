import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ReadStream } from 'node:fs';
import { DataSource, Repository } from 'typeorm';
import { Actor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Meeting } from '../meetings/meeting.entity';
import { TeamMemberView } from '../meetings/meeting.views';
import { MeetingsService } from '../meetings/meetings.service';
import { UsersService } from '../users/users.service';
import { CheckMaterial } from './check-material.entity';
import { MoveMaterialDto } from './dto/move-material.dto';
import { detectFileType, MATERIAL_CONTENT_TYPES, MaterialFileType } from './file-type';
import { MaterialEvent } from './material-event.entity';
import { MaterialFiles } from './material-files';
import { acceptsFile, MaterialParty, moveMadeBy } from './material-states';
import { MATERIAL_STATUS_NAMES, MaterialDetailView, MaterialView } from './material.views';

/** A member's material and where the actor stands towards it. */
interface MaterialContext {
  meeting: Meeting;
  seat: TeamMemberView;
  material: CheckMaterial;
  /** The row is not stored yet: the member has not started. */
  fresh: boolean;
  parties: Set<MaterialParty>;
}

/**
 * 对照检查材料: each team member's material moves not-started → drafting → submitted →
 * returned (with the reviewer's comments) or approved. The secretary reviews the members'; an
 * organiser or supervisor reviews the secretary's. Every change is kept with who and when.
 */
@Injectable()
export class MaterialsService {
  constructor(
    @InjectRepository(CheckMaterial) private readonly materials: Repository<CheckMaterial>,
    @InjectRepository(MaterialEvent) private readonly events: Repository<MaterialEvent>,
    private readonly meetings: MeetingsService,
    private readonly users: UsersService,
    private readonly files: MaterialFiles,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Every team member's material with its status, for the team and the organisers. */
  async list(actor: Actor, meetingId: string): Promise<MaterialView[]> {
    const scope = await this.meetings.scope(actor, meetingId);
    const meeting = scope.meeting;
    const team = await scope.team();
    const stored = await this.materials.find({ where: { meetingId: meeting.id } });
    return team.map((seat) => toView(seat, stored.find((material) => material.memberUserId === seat.userId) ?? notStarted(meeting, seat.userId)));
  }

  /** The material with its history, for its author, its reviewer and the organisers; 404 for others. */
  async get(actor: Actor, meetingId: string, memberId: string): Promise<MaterialDetailView> {
    const context = await this.context(actor, meetingId, memberId);
    const events = context.fresh ? [] : await this.events.find({ where: { materialId: context.material.id }, order: { step: 'ASC' } });
    const names = new Map((await this.users.findUsers(actor, events.map((event) => event.byUserId))).map((user) => [user.id, user.displayName]));
    return {
      ...toView(context.seat, context.material),
      history: events.map((event) => ({ kind: event.kind, from: event.fromStatus, to: event.toStatus, note: event.note, by: { userId: event.byUserId, name: names.get(event.byUserId) ?? '' }, at: event.at.toISOString() })),
    };
  }

  /** Moves the material on, if the move exists (else 409) and the actor is the one to make it (else 403). */
  async move(actor: Actor, meetingId: string, memberId: string, dto: MoveMaterialDto): Promise<MaterialDetailView> {
    const context = await this.context(actor, meetingId, memberId);
    const { material } = context;
    const from = material.status;
    const party = moveMadeBy(from, dto.status);
    if (!party) {
      throw AppError.conflict(ErrorCode.IllegalTransition, `对照检查材料不能从“${MATERIAL_STATUS_NAMES[from]}”改为“${MATERIAL_STATUS_NAMES[dto.status]}”`);
    }
    if (!context.parties.has(party)) {
      throw AppError.forbidden(party === 'author' ? '只有材料本人可以这样修改状态' : context.seat.role === 'secretary' ? '主要负责同志的材料由组织部门或督导组审核' : '班子成员的材料由主要负责同志审核');
    }
    if (dto.status === 'returned' && !dto.comment) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '退回时请写明修改意见', [{ field: 'comment', message: '退回时必填' }]);
    }
    material.status = dto.status;
    if (dto.status === 'returned') material.reviewComment = dto.comment!;
    if (dto.status === 'approved') material.reviewComment = dto.comment || null;
    await this.store(context, { kind: 'status', fromStatus: from, toStatus: dto.status, note: dto.comment || null, byUserId: actor.userId });
    return this.get(actor, meetingId, memberId);
  }

  /**
   * The author's file, a PDF or .docx by its content (415 otherwise, and nothing is written).
   * Uploading a first file starts the draft; a new file replaces the old one.
   */
  async upload(actor: Actor, meetingId: string, memberId: string, content: Buffer | null, declaredType: string, fileName: string | undefined): Promise<MaterialDetailView> {
    const context = await this.context(actor, meetingId, memberId);
    if (!context.parties.has('author')) throw AppError.forbidden('只有材料本人可以上传对照检查材料');
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
    Object.assign(material, { fileKey: key, fileType: type, fileSize: content.length, fileName: cleanFileName(fileName, type), status: from === 'not-started' ? 'drafting' : from });
    try {
      await this.store(context, { kind: 'upload', fromStatus: from, toStatus: material.status, note: material.fileName, byUserId: actor.userId });
    } catch (error) {
      await this.files.remove(key);
      throw error;
    }
    await this.files.remove(oldKey);
    return this.get(actor, meetingId, memberId);
  }

  async download(actor: Actor, meetingId: string, memberId: string): Promise<{ stream: ReadStream; name: string; contentType: string }> {
    const { material } = await this.context(actor, meetingId, memberId);
    if (!material.fileKey || !material.fileType) throw AppError.notFound('材料文件');
    return { stream: this.files.open(material.fileKey), name: material.fileName ?? `对照检查材料.${material.fileType}`, contentType: MATERIAL_CONTENT_TYPES[material.fileType] };
  }

  private async context(actor: Actor, meetingId: string, memberId: string): Promise<MaterialContext> {
    const scope = await this.meetings.scope(actor, meetingId);
    const meeting = scope.meeting;
    const seat = (await scope.team()).find((candidate) => candidate.userId === memberId);
    if (!seat) throw AppError.notFound('对照检查材料');
    const parties = new Set<MaterialParty>();
    if (actor.userId === memberId) parties.add('author');
    // The secretary's material is reviewed by the organisers or the 督导组; a member's by the secretary.
    const reviews = seat.role === 'secretary' ? scope.oversees : scope.isSecretary;
    if (reviews && actor.userId !== memberId) parties.add('reviewer');
    if (parties.size === 0 && !scope.oversees) throw AppError.notFound('对照检查材料');
    const stored = await this.materials.findOne({ where: { meetingId: meeting.id, memberUserId: memberId } });
    return { meeting, seat, material: stored ?? notStarted(meeting, memberId), fresh: !stored, parties };
  }

  /** The material and its event, together: a change is never kept without its record. */
  private async store(context: MaterialContext, event: Pick<MaterialEvent, 'kind' | 'fromStatus' | 'toStatus' | 'note' | 'byUserId'>): Promise<void> {
    const now = this.clock.nowToSecond();
    context.material.updatedAt = now;
    await this.dataSource.transaction(async (manager) => {
      if (context.fresh) await manager.insert(CheckMaterial, context.material);
      else await manager.update(CheckMaterial, { id: context.material.id }, { ...context.material });
      const step = (await manager.count(MaterialEvent, { where: { materialId: context.material.id } })) + 1;
      await manager.insert(MaterialEvent, { id: newId(), organizationId: context.meeting.organizationId, materialId: context.material.id, at: now, step, ...event });
    });
    context.fresh = false;
  }
}

function notStarted(meeting: Meeting, memberUserId: string): CheckMaterial {
  return {
    id: newId(),
    organizationId: meeting.organizationId,
    meetingId: meeting.id,
    memberUserId,
    status: 'not-started',
    reviewComment: null,
    fileName: null,
    fileType: null,
    fileSize: null,
    fileKey: null,
    updatedAt: new Date(0),
  };
}

function toView(seat: TeamMemberView, material: CheckMaterial): MaterialView {
  return {
    memberUserId: seat.userId,
    name: seat.displayName,
    role: seat.role,
    status: material.status,
    reviewedBy: seat.role === 'secretary' ? 'organiser' : 'secretary',
    file: material.fileKey && material.fileType ? { name: material.fileName ?? '', type: material.fileType, size: material.fileSize ?? 0 } : null,
    reviewComment: material.reviewComment,
    updatedAt: material.status === 'not-started' && !material.fileKey ? null : material.updatedAt.toISOString(),
  };
}

/** A file name to show and to download under: no path, no control characters, the right extension. */
function cleanFileName(given: string | undefined, type: MaterialFileType): string {
  const base = (given ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f"<>|:*?]/g, '').trim().slice(0, 200);
  const stem = base.replace(/\.(pdf|docx?)$/i, '') || '对照检查材料';
  return `${stem}.${type}`;
}
