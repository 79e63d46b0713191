import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CurrentViewer, SignedInPage } from '../auth/signed-in-page';
import { Actor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { CurrentActor } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { validateInput } from '../common/validation';
import { UsersService } from '../users/users.service';
import { OnRefusal, RefusedRequest } from '../web/form-refusal';
import { formText, pageMessage } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { Viewer } from '../web/workbench';
import { ClaimsService } from './claims.service';
import { AssignDto } from './dto/item.dto';
import { renderClaimsPage } from './views/claims-page';
import { renderPublishedList } from './views/published-list-page';
import { ReachableBySupervisors } from '../common/supervised-units';

/**
 * A meeting's claims as pages: `/meetings/:id/claims` (认领与答复) for the organiser and the
 * meeting's secretary, who assigns the team's items nobody leads there; `/meetings/:id/list`, the
 * published list with its answers, read-only, for the 督导组 and the organiser.
 */
@ApiExcludeController()
@Controller('meetings/:id')
export class ClaimsPagesController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly users: UsersService,
  ) {}

  /** A leader who is not this meeting's secretary is refused by the service (403 page). */
  @Get('claims')
  @SignedInPage({ roles: [Role.Organiser, Role.Leader], forbidden: '认领情况供组织者和主要负责同志查看' })
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async claimsPage(@Param('id', IdPipe) meetingId: string, @CurrentViewer() viewer: Viewer, @Query('done') done?: string): Promise<string> {
    return renderClaimsPage({ viewer, board: await this.claims.board(viewer.actor, meetingId), notice: done === 'assign' ? '已分配。' : undefined });
  }

  /** The secretary gives a team item nobody leads to a member, as its lead (the API's assign). */
  @Post('claims/assign')
  @SignedInPage({ roles: [Role.Leader], forbidden: '分配意见由主要负责同志进行' })
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, refused, pages: ClaimsPagesController) => pages.withProblem(error, refused))
  async assign(@Param('id', IdPipe) meetingId: string, @Body() form: unknown, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const itemId = formText(form, 'itemId') ?? '';
    const memberUserId = formText(form, 'memberUserId');
    if (!memberUserId) throw AppError.badRequest(ErrorCode.ValidationFailed, '请选择一位班子成员', [{ field: 'memberUserId', message: '请选择' }]);
    await this.claims.assign(actor, itemId, await validateInput(AssignDto, { memberUserId }));
    reply.status(303).redirect(`/meetings/${meetingId}/claims?done=assign#item-${itemId}`);
  }

  @Get('list')
  @ReachableBySupervisors()
  @SignedInPage({ roles: [Role.Organiser, Role.Supervisor], forbidden: '已发布的意见清单供组织者和督导组查看' })
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async publishedList(@Param('id', IdPipe) meetingId: string, @CurrentViewer() viewer: Viewer): Promise<string> {
    const { meeting, items } = await this.claims.publishedList(viewer.actor, meetingId);
    return renderPublishedList({ viewer, meeting: { id: meeting.id, title: meeting.title, aspects: meeting.aspects }, items });
  }

  /**
   * The claims page again, the refusal beside its item; someone who may not read the page (a
   * member who is not the secretary) gets the refusal's own error page instead.
   */
  async withProblem(error: AppError, { params, body, actor }: RefusedRequest): Promise<string | undefined> {
    const board = await this.claims.board(actor!, params.id).catch(() => null);
    if (!board) return undefined;
    return renderClaimsPage({ viewer: await this.viewerOf(actor!), board, problem: { itemId: formText(body, 'itemId') ?? '', message: pageMessage(error) } });
  }

  /** A refusal is handed the actor only: the header's name is read again. */
  private async viewerOf(actor: Actor): Promise<Viewer> {
    const [me] = await this.users.findUsers(actor, [actor.userId]);
    return { actor, userId: actor.userId, name: me?.displayName ?? actor.username, roles: actor.roles };
  }
}
