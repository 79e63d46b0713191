import { Body, Controller, Get, Header, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CurrentViewer, SignedInPage } from '../auth/signed-in-page';
import { hasRole } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { asAttachment } from '../common/attachment';
import { choiceOf } from '../common/choice.pipe';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { validateInput } from '../common/validation';
import { MeetingsService } from '../meetings/meetings.service';
import { OnRefusal, RefusedRequest } from '../web/form-refusal';
import { formText, pageMessage } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { Viewer } from '../web/workbench';
import { CommentMaterialDto } from './dto/comment-material.dto';
import { moveFromForm } from './material-forms';
import { MaterialKindPipe } from './material-kind.pipe';
import { ALL_MATERIAL_KINDS, MaterialKind } from './material-states';
import { MaterialView } from './material.views';
import { MaterialsService } from './materials.service';
import { MaterialReviewPage, renderMaterialReview, reviewAnchor, ReviewRow } from './views/material-review-page';
import { ReachableBySupervisors } from '../common/supervised-units';

const NOTICES: Record<string, string> = {
  commented: '督导组意见已记入材料的办理记录。',
  approved: '材料已审核通过。',
  returned: '材料已退回修改，修改意见已告知本人。',
};

const ForReviewers = () => SignedInPage({ roles: [Role.Supervisor, Role.Organiser], forbidden: '材料审阅页面供督导组和组织部门使用' });

/**
 * 材料审阅 (`/meetings/:id/materials`): the 督导组 reads the team's submitted 对照检查材料 and
 * 发言提纲 and adds 督导组意见; organisers read the same page (drafts too) without the form.
 */
@ApiExcludeController()
@Controller('meetings/:id/materials')
export class MaterialReviewPagesController {
  constructor(
    private readonly materials: MaterialsService,
    private readonly meetings: MeetingsService,
  ) {}

  @ReachableBySupervisors()
  @Get()
  @ForReviewers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async review(@Param('id', IdPipe) meetingId: string, @CurrentViewer() viewer: Viewer, @Query('done') done?: string): Promise<string> {
    return renderMaterialReview(await this.pageOf(viewer, meetingId, { notice: done ? NOTICES[done] : undefined }));
  }

  /** 督导组意见 on one material, as a form post; the page again with the words kept when refused. */
  @ReachableBySupervisors()
  @Post(':memberId/comments')
  @ForReviewers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, refused, pages: MaterialReviewPagesController) => pages.withProblem(error, refused))
  async comment(
    @Param('id', IdPipe) meetingId: string,
    @Param('memberId', IdPipe) memberId: string,
    @Query('kind', MaterialKindPipe) kind: MaterialKind,
    @Body() form: unknown,
    @CurrentViewer() viewer: Viewer,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const dto = await validateInput(CommentMaterialDto, { text: formText(form, 'text') ?? '' });
    await this.materials.comment(viewer.actor, meetingId, memberId, dto, kind);
    reply.status(303).redirect(`/meetings/${meetingId}/materials?done=commented#${reviewAnchor(kind, memberId)}`);
  }

  /**
   * The review of a material the unit's organisers (or its own 督导组) approve or return: the
   * secretary's and the team's. The same move as the API's, by the same rules; the page again
   * with the comment kept when refused.
   */
  @Post(':memberId/status')
  @ForReviewers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, refused, pages: MaterialReviewPagesController) => pages.withProblem(error, refused))
  async move(
    @Param('id', IdPipe) meetingId: string,
    @Param('memberId', IdPipe) memberId: string,
    @Query('kind', MaterialKindPipe) kind: MaterialKind,
    @Body() form: unknown,
    @CurrentViewer() viewer: Viewer,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const dto = await moveFromForm(form);
    await this.materials.move(viewer.actor, meetingId, memberId, dto, kind);
    reply.status(303).redirect(`/meetings/${meetingId}/materials?done=${dto.status}#${reviewAnchor(kind, memberId)}`);
  }

  /** A material's file, with the page cookie (the 督导组's once submitted: the service says). */
  @ReachableBySupervisors()
  @Get(':memberId/file')
  @ForReviewers()
  @Header('cache-control', 'no-store')
  async download(
    @Param('id', IdPipe) meetingId: string,
    @Param('memberId', IdPipe) memberId: string,
    @Query('kind', MaterialKindPipe) kind: MaterialKind,
    @CurrentViewer() viewer: Viewer,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return asAttachment(reply, await this.materials.download(viewer.actor, meetingId, memberId, kind));
  }

  /** The page again with the refusal beside its material and the words typed; a meeting or member that cannot be read goes to the error page. */
  async withProblem(error: AppError, { params, body, query, viewer }: RefusedRequest): Promise<string | undefined> {
    if (error.code === ErrorCode.NotFound || !viewer) return undefined;
    const kind = choiceOf(ALL_MATERIAL_KINDS, query.kind, 'check') ?? 'check';
    const problem = { memberId: params.memberId, kind, message: pageMessage(error), text: formText(body, 'text'), comment: formText(body, 'comment') };
    return renderMaterialReview(await this.pageOf(viewer, params.id, { problem }));
  }

  private async pageOf(viewer: Viewer, meetingId: string, extra: Pick<MaterialReviewPage, 'notice' | 'problem'>): Promise<MaterialReviewPage> {
    const actor = viewer.actor;
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    const [checks, outlines, [team]] = await Promise.all(ALL_MATERIAL_KINDS.map((kind) => this.materials.list(actor, meeting.id, kind)));
    const outlineOf = new Map(outlines.map((material) => [material.memberUserId, material]));
    const rows: ReviewRow[] = checks.map((check: MaterialView) => ({
      memberUserId: check.memberUserId,
      name: check.name,
      role: check.role,
      materials: { check, outline: outlineOf.get(check.memberUserId)! },
    }));
    return {
      viewer,
      meeting: { id: meeting.id, title: meeting.title, materialsUntil: meeting.materialsUntil },
      rows,
      team: team ?? null,
      comments: hasRole(actor, Role.Supervisor),
      readsDrafts: hasRole(actor, Role.Organiser),
      // The unit's own organisers and 督导组 review the secretary's and the team's; a parent's 督导组 comments only.
      reviews: actor.organizationId === meeting.organizationId && hasRole(actor, Role.Organiser, Role.Supervisor),
      ...extra,
    };
  }
}
