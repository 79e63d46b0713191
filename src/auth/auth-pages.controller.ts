import { Body, Controller, Get, Header, HttpCode, Ip, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, hasRole } from '../common/actor';
import { AppError } from '../common/app-error';
import { Page } from '../common/decorators';
import { Role } from '../common/roles';
import { MeetingsService } from '../meetings/meetings.service';
import { OnRefusal } from '../web/form-refusal';
import { formText } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { AuthService } from './auth.service';
import { PageSession } from './page-session';
import { renderLogin } from './views/login-page';

/**
 * Signing in and out on the pages (`/login`, `/logout`): the session cookie the signed-in pages
 * (SignedInPage) go by. Rendered on the server, in Chinese, working without JavaScript.
 */
@ApiExcludeController()
@Controller()
export class AuthPagesController {
  constructor(
    private readonly session: PageSession,
    private readonly auth: AuthService,
    private readonly meetings: MeetingsService,
  ) {}

  /**
   * The sign-in form; someone already signed in (a leader following a WeCom/DingTalk link to
   * `/login?next=/me/items`, say) is taken straight on to `next`, or to their landing page.
   */
  @Get('login')
  @Page()
  @Header('content-type', HTML_CONTENT_TYPE)
  async loginForm(@Query('next') next: string | undefined, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | undefined> {
    const actor = await this.session.actor(request);
    if (actor) {
      reply.header('cache-control', 'no-store').status(303).redirect(safeNext(next) ?? (await this.landingFor(actor)));
      return undefined;
    }
    return renderLogin({ next: safeNext(next) });
  }

  /** A refusal (403 another site's form, 401 wrong password, 429 too many: its Retry-After kept) is the form again, in words. */
  @Post('login')
  @Page()
  @HttpCode(200)
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, { body }) => renderLogin({ next: safeNext(formText(body, 'next')), username: usernameOf(body), error: error.message }))
  async login(@Body() form: unknown, @Req() request: FastifyRequest, @Ip() address: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (!this.session.sameOrigin(request)) throw AppError.forbidden('请从本站的登录页登录');
    const { accessToken } = await this.auth.login(usernameOf(form), formText(form, 'password') ?? '', address);
    this.session.start(reply, accessToken);
    reply.status(303).redirect(safeNext(formText(form, 'next')) ?? (await this.landingOf(accessToken)));
  }

  @Post('logout')
  @Page()
  logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    if (!this.session.sameOrigin(request)) throw AppError.forbidden('请从本站的页面提交');
    this.session.end(reply);
    reply.status(303).redirect('/login');
  }

  /**
   * Where an account lands when the sign-in named no page: a team member on their items; an
   * organiser on the meetings (组织者工作台); a supervisor on the board of the newest meeting
   * (筹备进度看板); an administrator on the accounts; anyone else (staff) on a page that says
   * what they can do here.
   */
  private async landingOf(accessToken: string): Promise<string> {
    const actor = await this.auth.actorFor(accessToken);
    return actor ? this.landingFor(actor) : '/me';
  }

  private async landingFor(actor: Actor): Promise<string> {
    if (hasRole(actor, Role.Leader)) return '/me/items';
    if (hasRole(actor, Role.Organiser)) return '/meetings';
    if (hasRole(actor, Role.Supervisor)) {
      const [newest] = await this.meetings.listMeetings(actor);
      return newest ? `/meetings/${newest.id}/board` : '/meetings';
    }
    return hasRole(actor, Role.Admin) ? '/people' : '/me';
  }
}

function usernameOf(form: unknown): string {
  return formText(form, 'username')?.trim() ?? '';
}

/** Only a path of this site: never a redirect elsewhere (anything else counts as none). */
function safeNext(next: string | undefined): string | undefined {
  return next && /^\/(?!\/)[\w\-/?=&#.]*$/.test(next) ? next : undefined;
}
