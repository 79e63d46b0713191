import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, Observable } from 'rxjs';
import { Actor } from '../common/actor';
import { AppError } from '../common/app-error';
import { asOutageAnswer, isOutageAnswer } from '../database/outage';
import { Viewer } from './workbench';

const ON_REFUSAL = 'tanxin:on-refusal';
const ON_OUTAGE = 'tanxin:on-refusal-outages';

/** The request a page refused, as its refusal page needs it: what was typed, where, by whom. */
export interface RefusedRequest {
  body: unknown;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  /** On a signed-in page. */
  actor?: Actor;
  /** On a signed-in page: the person, for the workbench shell (see workbench.ts). */
  viewer?: Viewer;
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
 * by `render` instead of the error page. The handler then only does the happy path. With
 * `{ outages: true }` an outage of the database or Redis is a refusal too (see RefusalOptions).
 */
export const OnRefusal = <C>(render: RefusalPage<C>, options: RefusalOptions = {}) =>
  applyDecorators(SetMetadata(ON_REFUSAL, render), SetMetadata(ON_OUTAGE, options.outages === true), UseInterceptors(RefusalInterceptor));

export interface RefusalOptions {
  /**
   * Outages too: `render` is also given the answer to a database or Redis outage (503
   * SERVICE_UNAVAILABLE, nothing stored, with Retry-After; or 504 OUTCOME_UNKNOWN), so the form
   * can come back with what was typed. Only for a `render` that words those codes as such.
   */
  outages?: boolean;
}

@Injectable()
export class RefusalInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly modules: ModuleRef,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const render = this.reflector.get<RefusalPage<unknown>>(ON_REFUSAL, context.getHandler());
    const outages = this.reflector.get<boolean>(ON_OUTAGE, context.getHandler()) === true;
    return next.handle().pipe(catchError((error: unknown) => from(this.answer(context, render, outages, error))));
  }

  private async answer(context: ExecutionContext, render: RefusalPage<unknown>, outages: boolean, thrown: unknown): Promise<string> {
    const error = refusalOf(thrown, outages);
    if (!error) throw thrown;
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor; viewer?: Viewer }>();
    const refused = { body: request.body, params: request.params as Record<string, string>, query: request.query as Record<string, string | undefined>, actor: request.actor, viewer: request.viewer };
    const answer = await render(error, refused, this.modules.get(context.getClass(), { strict: false }));
    if (answer === undefined) throw thrown;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    if (typeof answer === 'string') {
      reply.status(error.status).headers(error.headers ?? {});
      return answer;
    }
    reply.status(answer.status);
    return answer.page;
  }
}

/** The error as a refusal the page answers: an AppError under 500, or (when it asks) an outage's answer (see outage.ts). */
function refusalOf(error: unknown, outages: boolean): AppError | undefined {
  if (error instanceof AppError) return error.status < 500 || (outages && isOutageAnswer(error)) ? error : undefined;
  return outages ? asOutageAnswer(error) : undefined;
}

/**
 * The last few views a page was drawn from (a box, a survey), by address: when the database is
 * down, a refused form can still be drawn again, with what was typed, from what was shown last.
 */
export class RecentlyShown<V> {
  private readonly views = new Map<string, V>();

  constructor(private readonly limit = 500) {}

  remember(key: string, view: V): V {
    this.views.delete(key);
    this.views.set(key, view);
    if (this.views.size > this.limit) this.views.delete(this.views.keys().next().value!);
    return view;
  }

  recall(key: string): V | undefined {
    return this.views.get(key);
  }
}
