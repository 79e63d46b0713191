import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, Observable } from 'rxjs';
import { Actor } from '../common/actor';
import { AppError } from '../common/app-error';

const ON_REFUSAL = 'tanxin:on-refusal';

/** The request a page refused, as its refusal page needs it: what was typed, where, by whom. */
export interface RefusedRequest {
  body: unknown;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  /** On a signed-in page. */
  actor?: Actor;
}

/** A page for the refusal, under the error's status (and headers: a 429 keeps its Retry-After) or one of its own. */
export type RefusalAnswer = string | { status: number; page: string };

/**
 * The page a refusal comes back as (usually the form again, with what was typed and what to do
 * about it), or undefined to leave the error to the error page. `pages` is the controller, for
 * what the page needs to read again.
 */
export type RefusalPage<C> = (error: AppError, request: RefusedRequest, pages: C) => RefusalAnswer | undefined | Promise<RefusalAnswer | undefined>;

/**
 * A page handler's refusals (an AppError under 500 from the handler; not from its guards) answered
 * by `render` instead of the error page. The handler then only does the happy path.
 */
export const OnRefusal = <C>(render: RefusalPage<C>) => applyDecorators(SetMetadata(ON_REFUSAL, render), UseInterceptors(RefusalInterceptor));

@Injectable()
export class RefusalInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly modules: ModuleRef,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const render = this.reflector.get<RefusalPage<unknown>>(ON_REFUSAL, context.getHandler());
    return next.handle().pipe(catchError((error: unknown) => from(this.answer(context, render, error))));
  }

  private async answer(context: ExecutionContext, render: RefusalPage<unknown>, error: unknown): Promise<string> {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const refused = { body: request.body, params: request.params as Record<string, string>, query: request.query as Record<string, string | undefined>, actor: request.actor };
    const answer = await render(error, refused, this.modules.get(context.getClass(), { strict: false }));
    if (answer === undefined) throw error;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    if (typeof answer === 'string') {
      reply.status(error.status).headers(error.headers ?? {});
      return answer;
    }
    reply.status(answer.status);
    return answer.page;
  }
}
