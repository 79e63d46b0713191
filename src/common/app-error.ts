import { HttpStatus } from '@nestjs/common';

/** Stable error codes: clients and acceptance checks match on these, never on messages. */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  MalformedJson = 'MALFORMED_JSON',
  /** A JSON body nested deeper than any request needs (see MAX_JSON_DEPTH). */
  BodyTooDeep = 'BODY_TOO_DEEP',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  Unauthenticated = 'UNAUTHENTICATED',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  Conflict = 'CONFLICT',
  UsernameTaken = 'USERNAME_TAKEN',
  DepartmentExists = 'DEPARTMENT_EXISTS',
  UnknownUser = 'UNKNOWN_USER',
  UnknownDepartment = 'UNKNOWN_DEPARTMENT',
  UnknownAspectPreset = 'UNKNOWN_ASPECT_PRESET',
  InvalidTeam = 'INVALID_TEAM',
  InvalidDeadlines = 'INVALID_DEADLINES',
  PhaseBackwards = 'PHASE_BACKWARDS',
  RateLimited = 'RATE_LIMITED',
  AccessCodeRequired = 'ACCESS_CODE_REQUIRED',
  BoxClosed = 'BOX_CLOSED',
  /** A form sent again with its spent one-time nonce (a reload, Back and send): nothing was stored twice. */
  AlreadySent = 'ALREADY_SENT',
  BelowReleaseThreshold = 'BELOW_RELEASE_THRESHOLD',
  SurveyClosed = 'SURVEY_CLOSED',
  TokenUsed = 'TOKEN_USED',
  TalkConfirmed = 'TALK_CONFIRMED',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  AlreadyClaimed = 'ALREADY_CLAIMED',
  /** A webhook URL to a loopback, link-local, private or reserved address not in WEBHOOK_ALLOWED_HOSTS. */
  WebhookTargetRefused = 'WEBHOOK_TARGET_REFUSED',
  /** The database or Redis is down or not answering: nothing was stored; Retry-After says when to try again. */
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  /** The database stopped answering after a COMMIT was sent: what was sent may or may not be stored. */
  OutcomeUnknown = 'OUTCOME_UNKNOWN',
  Internal = 'INTERNAL_ERROR',
}

export interface ErrorDetail {
  field?: string;
  message: string;
  [key: string]: unknown;
}

/** An error the client may see: its code, status and message are part of the contract. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode | string,
    readonly status: HttpStatus,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what: string): AppError {
    return new AppError(ErrorCode.NotFound, HttpStatus.NOT_FOUND, `${what}不存在`);
  }

  static forbidden(message = '您没有执行此操作的权限'): AppError {
    return new AppError(ErrorCode.Forbidden, HttpStatus.FORBIDDEN, message);
  }

  static badRequest(code: ErrorCode | string, message: string, details?: ErrorDetail[]): AppError {
    return new AppError(code, HttpStatus.BAD_REQUEST, message, details);
  }

  static conflict(code: ErrorCode | string, message: string): AppError {
    return new AppError(code, HttpStatus.CONFLICT, message);
  }
}
