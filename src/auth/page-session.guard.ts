import { ArgumentsHost, CanActivate, Catch, ExceptionFilter, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { HEADERS_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, hasRole } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Role } from '../common/roles';
import { SupervisedUnits } from '../common/supervised-units';
import { reachedActor } from './supervised-reach';
import { PageSession } from './page-session';
import { Viewer } from '../web/workbench';

export const PAGE_ACCESS = 'tanxin:page-access';

type DeclaredHeader = { name: string; value: string | (() => string) };

/** Who a signed-in page is for (see SignedInPage), and what it says to anyone else. */
export interface PageAccess {
  /** Any of these roles may see the page. */
  roles: Role[];
  /** The 403's words for someone signed in without one of them. */
  forbidden: string;
  /** Where the sign-in brings them back to: the requested path unless said. */
  next?: string;
  /** A request from the page's own script: signed out, it gets a 401 it can tell apart from a page, not a redirect. */
  fromScript?: (request: FastifyRequest) => boolean;
}

/**
 * The signed-in pages' guard: the session cookie's account, read again on each request like the
 * API's, holding one of the page's roles; a form posted to such a page must come from this site.
 * The AuthGuard (bearer tokens) lets these routes through to it.
 */
@Injectable()
export class PageSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly session: PageSession,
    private readonly supervised: SupervisedUnits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.get<PageAccess>(PAGE_ACCESS, context.getHandler());
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor; viewer?: Viewer }>();
    // The page's own headers (`@Header`: no-store …) go on its redirect and refusals too: Nest sets
    // them only once the guards have passed.
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    for (const { name, value } of this.reflector.get<DeclaredHeader[] | undefined>(HEADERS_METADATA, context.getHandler()) ?? []) {
      reply.header(name, typeof value === 'function' ? value() : value);
    }
    const viewer = await this.session.viewer(request);
    const actor = viewer?.actor;
    if (!actor) {
      if (access.fromScript?.(request)) throw new AppError(ErrorCode.Unauthenticated, HttpStatus.UNAUTHORIZED, '登录已过期，请重新登录');
      throw new SignInRequired(access.next ?? request.url.split('?')[0]);
    }
    // Known before the role is checked: a refusal's page is drawn in the person's own workbench.
    request.viewer = viewer;
    if (!hasRole(actor, ...access.roles)) throw AppError.forbidden(access.forbidden);
    if (request.method !== 'GET' && request.method !== 'HEAD' && !this.session.sameOrigin(request)) throw AppError.forbidden('请从本站的页面提交');
    // A parent body's supervisor on a page of a unit their 督导组 supervises: the unit's, read-only.
    const reached = await reachedActor(this.reflector, this.supervised, context, actor);
    if (reached) request.viewer = { ...viewer, actor: reached };
    request.actor = reached ?? actor;
    return true;
  }
}

/** Someone signed out, on a signed-in page: answered with a redirect to the sign-in page. */
export class SignInRequired extends Error {
  constructor(readonly next: string) {
    super('sign-in required');
  }
}

@Catch(SignInRequired)
export class SignInRedirect implements ExceptionFilter {
  catch(error: SignInRequired, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<FastifyReply>().status(303).redirect(`/login?next=${encodeURIComponent(error.next)}`);
  }
}
