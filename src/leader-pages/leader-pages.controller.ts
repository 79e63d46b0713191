import { Body, Controller, Get, Header, HttpCode, Ip, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '../auth/auth.service';
import { PageSession } from '../auth/page-session';
import { Actor, hasRole } from '../common/actor';
import { AppError } from '../common/app-error';
import { Public } from '../common/decorators';
import { Role } from '../common/roles';
import { validateInput } from '../common/validation';
import { AnswerDto, ClaimDto } from '../items/dto/item.dto';
import { ClaimsService } from '../items/claims.service';
import { MeetingsService } from '../meetings/meetings.service';
import { UsersService } from '../users/users.service';
import { formText, pageMessage } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { renderLogin } from './views/login-page';
import { MyItemsPage, renderMyItems } from './views/my-items-page';


/**
 * 班子成员的意见清单 (`/me/items`), and the sign-in it needs (`/login`). Rendered on the server, in
 * Chinese, working without JavaScript: every action is a form that posts and comes back here.
 */
@ApiExcludeController()
@Public()
@Controller()
export class LeaderPagesController {
  constructor(
    private readonly session: PageSession,
    private readonly auth: AuthService,
    private readonly claims: ClaimsService,
    private readonly users: UsersService,
    private readonly meetings: MeetingsService,
  ) {}

  @Get('login')
  @Header('content-type', HTML_CONTENT_TYPE)
  loginForm(@Query('next') next: string | undefined): string {
    return renderLogin({ next: safeNext(next) });
  }

  @Post('login')
  @HttpCode(200)
  @Header('content-type', HTML_CONTENT_TYPE)
  async login(@Body() form: unknown, @Req() request: FastifyRequest, @Ip() address: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | void> {
    const next = safeNext(formText(form, 'next'));
    const username = formText(form, 'username')?.trim() ?? '';
    if (!this.session.sameOrigin(request)) return this.refuse(reply, 403, renderLogin({ next, username, error: '请从本站的登录页登录' }));
    try {
      const { accessToken } = await this.auth.login(username, formText(form, 'password') ?? '', address);
      this.session.start(reply, accessToken);
      return void reply.status(303).redirect(next ?? (await this.landingOf(accessToken)));
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      // A 429 keeps its Retry-After; the page says how long in words.
      reply.headers(error.headers ?? {});
      return this.refuse(reply, error.status, renderLogin({ next, username, error: error.message }));
    }
  }

  @Post('logout')
  logout(@Res({ passthrough: true }) reply: FastifyReply): void {
    this.session.end(reply);
    reply.status(303).redirect('/login');
  }

  @Get('me/items')
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async myItems(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query('done') done?: string): Promise<string | void> {
    const actor = await this.signedIn(request, reply);
    if (!actor) return;
    return renderMyItems(await this.pageOf(actor, { notice: done === 'claim' ? '已认领。' : done === 'answer' ? '答复已保存。' : undefined }));
  }

  @Post('me/items/:id/claim')
  @Header('content-type', HTML_CONTENT_TYPE)
  async claim(@Param('id') id: string, @Body() form: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | void> {
    return this.act(request, reply, id, undefined, async (actor) => {
      await this.claims.claim(actor, id, await validateInput(ClaimDto, { kind: formText(form, 'kind') }));
      return 'claim';
    });
  }

  @Post('me/items/:id/answer')
  @Header('content-type', HTML_CONTENT_TYPE)
  async answer(@Param('id') id: string, @Body() form: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | void> {
    const values = { reflection: formText(form, 'reflection') ?? '', measures: formText(form, 'measures') ?? '', dueDate: formText(form, 'dueDate') || undefined };
    return this.act(request, reply, id, values, async (actor) => {
      await this.claims.answer(actor, id, await validateInput(AnswerDto, values));
      return 'answer';
    });
  }

  /** Runs a form's action for the signed-in member: on success back to the list (303), else the list with the problem beside the item. */
  private async act(
    request: FastifyRequest,
    reply: FastifyReply,
    itemId: string,
    values: NonNullable<MyItemsPage['problem']>['values'],
    action: (actor: Actor) => Promise<string>,
  ): Promise<string | void> {
    const actor = await this.signedIn(request, reply);
    if (!actor) return;
    if (!this.session.sameOrigin(request)) throw AppError.forbidden('请从本站的页面提交');
    try {
      const done = await action(actor);
      return void reply.status(303).redirect(`/me/items?done=${done}#item-${itemId}`);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      reply.status(error.status);
      return renderMyItems(await this.pageOf(actor, { problem: { itemId, message: pageMessage(error), values } }));
    }
  }

  /** The member signed in, or null after sending them to sign in (or telling them the page is for team members). */
  private signedIn(request: FastifyRequest, reply: FastifyReply): Promise<Actor | null> {
    return this.session.require(request, reply, { path: '/me/items', roles: [Role.Leader], forbidden: '意见清单页面供班子成员使用' });
  }

  private async pageOf(actor: Actor, extra: Pick<MyItemsPage, 'problem' | 'notice'>): Promise<MyItemsPage> {
    const byMeeting = await this.claims.myItemsByMeeting(actor);
    const [me] = await this.users.findUsers(actor, [actor.userId]);
    return {
      name: me?.displayName ?? actor.username,
      userId: actor.userId,
      meetings: byMeeting.map(({ meeting, items }) => ({ id: meeting.id, title: meeting.title, items })),
      ...extra,
    };
  }

  /**
   * Where an account lands when the sign-in named no page: a team member on their items; an
   * organiser or a supervisor on the board of the newest meeting (筹备进度看板), the page they
   * come for; anyone else on the items page, which says whom it is for.
   */
  private async landingOf(accessToken: string): Promise<string> {
    const actor = await this.auth.actorFor(accessToken);
    if (!actor || hasRole(actor, Role.Leader) || !hasRole(actor, Role.Organiser, Role.Supervisor)) return '/me/items';
    const [newest] = await this.meetings.listMeetings(actor);
    return newest ? `/meetings/${newest.id}/board` : '/me/items';
  }

  private refuse(reply: FastifyReply, status: number, body: string): string {
    reply.status(status);
    return body;
  }
}

/** Only a path of this site: never a redirect elsewhere (anything else counts as none). */
function safeNext(next: string | undefined): string | undefined {
  return next && /^\/(?!\/)[\w\-/?=&#.]*$/.test(next) ? next : undefined;
}
