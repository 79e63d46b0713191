import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { routeKindOf } from '../core/public-routes';
import { asOutageAnswer } from '../database/outage';
import { renderErrorPage } from '../web/error-page';
import { Viewer } from '../web/workbench';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { AppError, ErrorCode, ErrorDetail } from './app-error';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: ErrorDetail[];
  requestId?: string;
}

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.RouteNotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.RateLimited,
  503: ErrorCode.ServiceUnavailable,
};

const MESSAGES: Partial<Record<number, string>> = {
  401: '请先登录',
  403: '您没有执行此操作的权限',
  404: '请求的地址不存在',
  413: '请求内容过大',
  415: '不支持的内容类型，请以 JSON 提交',
  429: '操作过于频繁，请稍后再试',
};

/**
 * Turns any error into the contract's shape. The client never sees a stack trace, SQL or an
 * internal message: a 500 says only that something went wrong, with the request id to quote.
 */
export function toErrorBody(error: unknown, requestId?: string): { body: ErrorBody; headers: Record<string, string> } {
  if (error instanceof AppError) {
    const body: ErrorBody = { statusCode: error.status, code: error.code, message: error.message, requestId };
    if (error.details) body.details = error.details;
    return { body, headers: error.headers ?? {} };
  }
  // The database or Redis down or not answering: 503 "not saved, try again" (or 504 when a commit's outcome is unknown).
  const outage = asOutageAnswer(error);
  if (outage) return toErrorBody(outage, requestId);
  const status = statusOf(error);
  if (status !== undefined && status < 500) {
    // Nest wraps Fastify's own errors in an HttpException with the original as its cause.
    const fastifyCode = (error as { code?: string }).code ?? ((error as { cause?: { code?: string } }).cause?.code);
    const code =
      fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && error instanceof SyntaxError)
        ? ErrorCode.MalformedJson
        : STATUS_CODES[status] ?? ErrorCode.ValidationFailed;
    const message =
      code === ErrorCode.MalformedJson ? '请求体不是有效的 JSON' : MESSAGES[status] ?? '请求有误';
    return { body: { statusCode: status, code, message, requestId }, headers: {} };
  }
  return {
    body: { statusCode: 500, code: ErrorCode.Internal, message: '服务器出错了，请稍后再试；如一再出现，请把请求编号告诉管理员', requestId },
    headers: {},
  };
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  const status = (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}

/** Where unhandled errors on public routes are counted by the day (PublicRequestTally), instead of logged as they happen. */
export interface PublicErrorCount {
  recordError(errorType: string, errorCode?: string): void;
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  /** @param publicErrors the day's count of the public routes' errors (see PublicRequestTally). */
  constructor(private readonly publicErrors?: PublicErrorCount) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const reply = context.getResponse<FastifyReply>();
    const { body, headers } = toErrorBody(error, requestIdOf(request));
    // The route's kind, from its decorators (or, for a URL no route serves, its address).
    const kind = routeKindOf(request);
    if (body.statusCode >= 500) this.logFailure(kind.anonymous === true, body, error);
    reply.status(body.statusCode).headers(headers);
    if (kind.html) {
      // The signed-in pages' guard leaves the person on the request (see PageSessionGuard).
      const viewer = (request as FastifyRequest & { viewer?: Viewer }).viewer;
      reply.type(HTML_CONTENT_TYPE).send(renderErrorPage({ status: body.statusCode, message: body.message, anonymous: kind.anonymous === true, requestId: body.requestId }, viewer));
    } else {
      reply.send(body);
    }
  }

  /**
   * On a public route the error's message and properties stay out of the log: a failed INSERT's
   * message and parameters would carry the writer's text. Its type and code are enough to start,
   * counted for the day: a line written now would date the request, and so would its request id.
   */
  private logFailure(anonymous: boolean, body: ErrorBody, error: unknown): void {
    if (this.publicErrors && anonymous) {
      const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
      this.publicErrors.recordError(typeof name === 'string' ? name : typeof error, typeof code === 'string' ? code : undefined);
    } else {
      this.logger.error({ requestId: body.requestId, err: error }, 'unhandled error');
    }
  }
}

/** The request id (echoed from X-Request-Id when the caller sent a sane one). */
export function requestIdOf(request: FastifyRequest): string {
  return request.id;
}
