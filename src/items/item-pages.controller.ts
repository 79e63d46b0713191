import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CurrentViewer, SignedInPage } from '../auth/signed-in-page';
import { Actor } from '../common/actor';
import { AppError } from '../common/app-error';
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
import { AnswerDto, ClaimDto } from './dto/item.dto';
import { MyItemsPage, renderMyItems, renderReleaseConfirmation } from './views/my-items-page';

/** The page is for team members; signed out, from any of its forms, the sign-in brings them back to the list. */
const ForTeamMembers = () => SignedInPage({ roles: [Role.Leader], forbidden: '意见清单页面供班子成员使用', next: '/me/items' });

type AnswerValues = NonNullable<MyItemsPage['problem']>['values'];

/** What each `?done=` says once the form has gone through. */
const NOTICES: Record<string, string> = { claim: '已认领。', answer: '答复已保存。', release: '已放弃认领。' };

/**
 * 班子成员的意见清单 (`/me/items`). Rendered on the server, in Chinese, working without
 * JavaScript: every action is a form that posts and comes back here (303), or, refused, the list
 * with the problem beside the item and what was typed.
 */
@ApiExcludeController()
@Controller('me/items')
export class ItemPagesController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly users: UsersService,
  ) {}

  @Get()
  @ForTeamMembers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async myItems(@CurrentViewer() viewer: Viewer, @Query('done') done?: string): Promise<string> {
    return renderMyItems(await this.pageOf(viewer, { notice: done ? NOTICES[done] : undefined }));
  }

  /** 放弃认领, asked first: the item and one button; refused (answered, not mine), the list says why beside the item. */
  @Get(':id/release')
  @ForTeamMembers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  @OnRefusal((error, refused, pages: ItemPagesController) => pages.withProblem(error, refused, undefined))
  async confirmRelease(@Param('id', IdPipe) id: string, @CurrentViewer() viewer: Viewer): Promise<string> {
    const { meeting, item } = await this.claims.releasableItem(viewer.actor, id);
    return renderReleaseConfirmation(viewer, item, meeting.title);
  }

  @Post(':id/release')
  @ForTeamMembers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, refused, pages: ItemPagesController) => pages.withProblem(error, refused, undefined))
  async release(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.claims.release(actor, id);
    reply.status(303).redirect(`/me/items?done=release#item-${id}`);
  }

  @Post(':id/claim')
  @ForTeamMembers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, refused, pages: ItemPagesController) => pages.withProblem(error, refused, undefined))
  async claim(@Param('id') id: string, @Body() form: unknown, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.claims.claim(actor, id, await validateInput(ClaimDto, { kind: formText(form, 'kind') }));
    reply.status(303).redirect(`/me/items?done=claim#item-${id}`);
  }

  @Post(':id/answer')
  @ForTeamMembers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, refused, pages: ItemPagesController) => pages.withProblem(error, refused, answerValues(refused.body)))
  async answer(@Param('id') id: string, @Body() form: unknown, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.claims.answer(actor, id, await validateInput(AnswerDto, answerValues(form)));
    reply.status(303).redirect(`/me/items?done=answer#item-${id}`);
  }

  /** The list again, the refusal beside its item with what was typed there. */
  async withProblem(error: AppError, { params, actor }: RefusedRequest, values: AnswerValues): Promise<string> {
    return renderMyItems(await this.pageOf(await this.viewerOf(actor!), { problem: { itemId: params.id, message: pageMessage(error), values } }));
  }

  private async pageOf(viewer: Viewer, extra: Pick<MyItemsPage, 'problem' | 'notice'>): Promise<MyItemsPage> {
    const byMeeting = await this.claims.myItemsByMeeting(viewer.actor);
    return {
      viewer,
      meetings: byMeeting.map(({ meeting, isSecretary, items }) => ({ id: meeting.id, title: meeting.title, isSecretary, items })),
      ...extra,
    };
  }

  /** A refusal is handed the actor only: the header's name is read again. */
  private async viewerOf(actor: Actor): Promise<Viewer> {
    const [me] = await this.users.findUsers(actor, [actor.userId]);
    return { actor, userId: actor.userId, name: me?.displayName ?? actor.username, roles: actor.roles };
  }
}

function answerValues(form: unknown): { reflection: string; measures: string; dueDate?: string } {
  return { reflection: formText(form, 'reflection') ?? '', measures: formText(form, 'measures') ?? '', dueDate: formText(form, 'dueDate') || undefined };
}
