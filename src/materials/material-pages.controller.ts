import { Body, Controller, Get, Header, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CurrentViewer, SignedInPage } from '../auth/signed-in-page';
import { AppError, ErrorCode } from '../common/app-error';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { asAttachment } from '../common/attachment';
import { choiceOf } from '../common/choice.pipe';
import { validateInput } from '../common/validation';
import { AppConfig } from '../config/app-config';
import { isCollectingOver } from '../meetings/meeting-phase';
import { MeetingsService } from '../meetings/meetings.service';
import { OnRefusal, RefusedRequest } from '../web/form-refusal';
import { formText, pageMessage } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { formFile } from '../web/multipart';
import { Viewer } from '../web/workbench';
import { MATERIAL_CONTENT_TYPES } from '../common/file-type';
import { MaterialKindPipe } from './material-kind.pipe';
import { ALL_MATERIAL_KINDS, MATERIAL_KINDS, MaterialKind, TEAM_MATERIAL } from './material-states';
import { MaterialsService } from './materials.service';
import { DRAFT_KEYS, DRAFT_KINDS, DraftKind, TEAM } from './draft-assembly';
import { DraftKindPipe } from './draft-kind.pipe';
import { DraftMemberPipe } from './draft-member.pipe';
import { SaveDraftDto } from './dto/save-draft.dto';
import { draftAttachment } from './material-drafts.controller';
import { MaterialDraftsService } from './material-drafts.service';
import { moveFromForm } from './material-forms';
import { materialAnchor } from './views/material-parts';
import { draftAnchor, MyMaterialMeeting, MyMaterialPage, renderMyMaterial } from './views/my-material-page';

const ForTeamMembers = () => SignedInPage({ roles: [Role.Leader], forbidden: '对照检查材料页面供班子成员使用', next: '/me/material' });

const NOTICES: Record<string, string> = {
  uploaded: '文件已上传。',
  submitted: '已提交审核。',
  approved: '已审核通过。',
  returned: '已退回修改，修改意见已告知本人。',
  saved: '草稿已保存为新的一版。',
};

/**
 * 对照检查材料 (`/me/material`): per meeting, the member's own 对照检查材料 and 发言提纲 (status,
 * the reviewer's notes, 督导组意见, upload, submit, download); for the secretary, the members' to
 * review. Files go up as a multipart form and come down with the page cookie. A route's `?kind=`
 * names the 发言提纲; without it, the 对照检查材料 as before.
 */
@ApiExcludeController()
@Controller('me/material')
export class MaterialPagesController {
  constructor(
    private readonly materials: MaterialsService,
    private readonly drafts: MaterialDraftsService,
    private readonly meetings: MeetingsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ForTeamMembers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async myMaterial(@CurrentViewer() viewer: Viewer, @Query('done') done?: string, @Query('draft') draft?: string): Promise<string> {
    return renderMyMaterial(await this.pageOf(viewer, { notice: done ? NOTICES[done] : undefined, openDraft: typeof draft === 'string' ? draft : undefined }));
  }

  @Post(':meetingId/:memberId/file')
  @ForTeamMembers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, refused, pages: MaterialPagesController) => pages.withProblem(error, refused))
  async upload(
    @Param('meetingId', IdPipe) meetingId: string,
    @Param('memberId', IdPipe) memberId: string,
    @Query('kind', MaterialKindPipe) kind: MaterialKind,
    @Body() form: unknown,
    @CurrentViewer() viewer: Viewer,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const file = formFile(form, 'file');
    if (!file || file.data.length === 0) throw AppError.badRequest(ErrorCode.ValidationFailed, '请选择要上传的 PDF 或 Word（.docx）文件');
    // Browsers name a file's type from its extension, and not always as these two; its bytes decide (file-type.ts).
    const declared = Object.values(MATERIAL_CONTENT_TYPES).includes(file.mimeType) ? file.mimeType : 'application/octet-stream';
    await this.materials.upload(viewer.actor, meetingId, memberId, file.data, declared, file.filename, kind);
    reply.status(303).redirect(`/me/material?done=uploaded#${materialAnchor(kind, meetingId, memberId)}`);
  }

  /** The draft from the claims saved as a new version: one textarea a section, one paragraph a line. */
  @Post(':meetingId/:memberId/draft')
  @ForTeamMembers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, refused, pages: MaterialPagesController) => pages.withDraftProblem(error, refused))
  async saveDraft(
    @Param('meetingId', IdPipe) meetingId: string,
    @Param('memberId', DraftMemberPipe) memberId: string,
    @Query('kind', DraftKindPipe) kind: DraftKind,
    @Body() form: unknown,
    @CurrentViewer() viewer: Viewer,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const sections = DRAFT_KEYS[kind].flatMap((key) => {
      const text = formText(form, key);
      return text === undefined ? [] : [{ key, paragraphs: text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) }];
    });
    await this.drafts.save(viewer.actor, meetingId, memberId, await validateInput(SaveDraftDto, { sections }), kind);
    const anchor = draftAnchor(meetingId, memberId, kind);
    reply.status(303).redirect(`/me/material?done=saved&draft=${anchor}#${anchor}`);
  }

  /** The draft as a Word document, with the page cookie. */
  @Get(':meetingId/:memberId/draft.docx')
  @ForTeamMembers()
  @Header('cache-control', 'no-store')
  async draftDocx(
    @Param('meetingId', IdPipe) meetingId: string,
    @Param('memberId', DraftMemberPipe) memberId: string,
    @Query('kind', DraftKindPipe) kind: DraftKind,
    @CurrentViewer() viewer: Viewer,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return draftAttachment(reply, await this.drafts.docx(viewer.actor, meetingId, memberId, kind));
  }

  /** The member submits; the secretary approves or returns with a note (the API's moves, by the same rules). */
  @Post(':meetingId/:memberId/status')
  @ForTeamMembers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, refused, pages: MaterialPagesController) => pages.withProblem(error, refused))
  async move(
    @Param('meetingId', IdPipe) meetingId: string,
    @Param('memberId', IdPipe) memberId: string,
    @Query('kind', MaterialKindPipe) kind: MaterialKind,
    @Body() form: unknown,
    @CurrentViewer() viewer: Viewer,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const dto = await moveFromForm(form);
    await this.materials.move(viewer.actor, meetingId, memberId, dto, kind);
    reply.status(303).redirect(`/me/material?done=${dto.status}#${materialAnchor(kind, meetingId, memberId)}`);
  }

  /** The file, for its author and reviewer (the service says who), with the page cookie. */
  @Get(':meetingId/:memberId/file')
  @ForTeamMembers()
  @Header('cache-control', 'no-store')
  async download(
    @Param('meetingId', IdPipe) meetingId: string,
    @Param('memberId', IdPipe) memberId: string,
    @Query('kind', MaterialKindPipe) kind: MaterialKind,
    @CurrentViewer() viewer: Viewer,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return asAttachment(reply, await this.materials.download(viewer.actor, meetingId, memberId, kind));
  }

  /** The page again with the refusal beside its material (and the note typed); one that cannot be read goes to the error page. */
  async withProblem(error: AppError, { params, body, query, viewer }: RefusedRequest): Promise<string | undefined> {
    if (error.code === ErrorCode.NotFound || !viewer) return undefined;
    const kind = choiceOf(ALL_MATERIAL_KINDS, query.kind, 'check') ?? 'check';
    const problem = { meetingId: params.meetingId, memberId: params.memberId, kind, message: pageMessage(error), comment: formText(body, 'comment') };
    return renderMyMaterial(await this.pageOf(viewer, { problem, openDraft: draftAnchor(params.meetingId, params.memberId) }));
  }

  /** The page again with a refused draft save in that draft, open, and its sections as typed. */
  async withDraftProblem(error: AppError, { params, body, query, viewer }: RefusedRequest): Promise<string | undefined> {
    if (error.code === ErrorCode.NotFound || !viewer) return undefined;
    const kind = choiceOf(DRAFT_KINDS, query.kind, 'check') ?? 'check';
    const typed = Object.fromEntries(
      DRAFT_KEYS[kind].flatMap((key) => {
        const text = formText(body, key);
        return text === undefined ? [] : [[key, text]];
      }),
    );
    const draftProblem = { meetingId: params.meetingId, memberId: params.memberId, kind, message: pageMessage(error), typed };
    return renderMyMaterial(await this.pageOf(viewer, { draftProblem, openDraft: draftAnchor(params.meetingId, params.memberId, kind) }));
  }

  private async pageOf(viewer: Viewer, extra: Pick<MyMaterialPage, 'notice' | 'problem' | 'draftProblem' | 'openDraft'>): Promise<MyMaterialPage> {
    const actor = viewer.actor;
    const meetings: MyMaterialMeeting[] = [];
    for (const meeting of await this.meetings.listMeetings(actor)) {
      const scope = await this.meetings.scope(actor, meeting.id);
      if (!scope.onTeam) continue;
      const kinds: MyMaterialMeeting['kinds'] = [];
      for (const kind of MATERIAL_KINDS) {
        const mine = await this.materials.get(actor, meeting.id, actor.userId, kind);
        const others = scope.isSecretary ? (await this.materials.list(actor, meeting.id, kind)).filter((material) => material.memberUserId !== actor.userId) : [];
        kinds.push({ kind, mine, toReview: others, draft: await this.drafts.get(actor, meeting.id, actor.userId, kind) });
      }
      const team = scope.isSecretary ? { mine: await this.materials.get(actor, meeting.id, actor.userId, TEAM_MATERIAL), draft: await this.drafts.get(actor, meeting.id, TEAM) } : undefined;
      meetings.push({ meeting, kinds, ...(team ? { team } : {}) });
    }
    const later = (entry: MyMaterialMeeting) => (isCollectingOver(entry.meeting.phase) ? 1 : 0);
    meetings.sort((a, b) => later(a) - later(b) || b.meeting.heldOn.localeCompare(a.meeting.heldOn));
    return { viewer, meetings, maxBytes: this.config.uploads.maxBytes, ...extra };
  }
}
