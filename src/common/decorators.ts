import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor } from './actor';
import { Role } from './roles';

export const IS_PUBLIC = 'tanxin:public';
export const ROLES = 'tanxin:roles';

/** No account needed: the anonymous pages and `/api/v1/public`, login, health. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Any of these roles may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The authenticated caller, set by the AuthGuard. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a route without authentication');
  return request.actor;
});
