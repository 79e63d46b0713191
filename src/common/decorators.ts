import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { WithRouteKind } from '../core/public-routes';
import { Actor } from './actor';
import { Role } from './roles';

export const IS_PUBLIC = 'tanxin:public';
export const ROLES = 'tanxin:roles';

/** No account needed: the anonymous pages and `/api/v1/public`, login, health. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Any of these roles may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/**
 * The pages people write on without an account (box, receipt look-up, survey), on a controller or
 * a handler: no account, answered as HTML, counted by the day and never logged one by one.
 */
export const AnonymousPages = () => applyDecorators(Public(), WithRouteKind({ html: true, anonymous: true }));

/** The API of those pages (`/api/v1/public`): no account, counted by the day and never logged one by one. */
export const AnonymousApi = () => applyDecorators(Public(), WithRouteKind({ anonymous: true }));

/** A page open to anyone that is logged as usual (the sign-in page); pages behind it use SignedInPage. */
export const Page = () => applyDecorators(Public(), WithRouteKind({ html: true }));

/** The authenticated caller, set by the AuthGuard (API) or the PageSessionGuard (signed-in pages). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a route without authentication');
  return request.actor;
});
