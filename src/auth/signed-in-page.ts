import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata, UseFilters, UseGuards } from '@nestjs/common';
import { WithRouteKind } from '../core/public-routes';
import { Viewer } from '../web/workbench';
import { PAGE_ACCESS, PageAccess, PageSessionGuard, SignInRedirect } from './page-session.guard';

/**
 * A page behind the session cookie (not the API's bearer token), answered as HTML. Its guard
 * (PageSessionGuard) hands the handler its actor (`@CurrentActor()`), sends someone signed out to
 * `/login?next=…` (303) and refuses other roles with a 403 page.
 */
export const SignedInPage = (access: PageAccess) =>
  applyDecorators(WithRouteKind({ html: true }), SetMetadata(PAGE_ACCESS, access), UseGuards(PageSessionGuard), UseFilters(SignInRedirect));

/** The signed-in person on a SignedInPage (set by its guard): their actor, name and roles, for the page and its header. */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext): Viewer => {
  const request = context.switchToHttp().getRequest<{ viewer?: Viewer }>();
  if (!request.viewer) throw new Error('CurrentViewer used on a route that is not a SignedInPage');
  return request.viewer;
});
