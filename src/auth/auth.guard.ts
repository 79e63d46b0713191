import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { Actor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { IS_PUBLIC, ROLES } from '../common/decorators';
import { Role } from '../common/roles';
import { SupervisedUnits } from '../common/supervised-units';
import { routeKindOf } from '../core/public-routes';
import { AuthService } from './auth.service';
import { PageSession } from './page-session';
import { PAGE_ACCESS } from './page-session.guard';
import { reachedActor } from './supervised-reach';

type ActorRequest = FastifyRequest & { actor?: Actor; raw: FastifyRequest['raw'] & { actor?: Actor } };

/**
 * Global: every route needs a valid bearer token unless marked @Public() or SignedInPage(). The
 * account is read again on each request, so a deactivated account or a changed role takes effect
 * at once. The anonymous pages' forms (box, survey, receipt) must come from this site's own pages
 * (see PageSession.sameOrigin): another site's, or `Origin: null`, is the 403 page.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly session: PageSession,
    private readonly supervised: SupervisedUnits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      const kind = routeKindOf(request);
      const posted = request.method !== 'GET' && request.method !== 'HEAD';
      if (posted && kind.html && kind.anonymous && !this.session.sameOrigin(request)) throw AppError.forbidden('请从本站的页面提交');
      return true;
    }
    // The signed-in pages go by the session cookie instead: their own guard (PageSessionGuard) checks it.
    if (this.reflector.get(PAGE_ACCESS, context.getHandler())) return true;

    const request = context.switchToHttp().getRequest<ActorRequest>();
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const own = token ? await this.auth.actorFor(token) : null;
    if (!own) {
      throw new AppError(ErrorCode.Unauthenticated, HttpStatus.UNAUTHORIZED, '请先登录，或登录已过期');
    }
    const actor = (await reachedActor(this.reflector, this.supervised, context, own)) ?? own;
    request.actor = actor;
    request.raw.actor = actor;

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (allowed && !allowed.some((role) => actor.roles.includes(role))) throw AppError.forbidden();
    return true;
  }
}
