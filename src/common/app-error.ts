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
  /** A 督导组's unit that is not a unit of the parent body. */
  UnknownUnit = 'UNKNOWN_UNIT',
  /** A unit (organisation) of that name exists already. */
  UnitExists = 'UNIT_EXISTS',
  /** A 督导组 of that name exists already in the parent body. */
  GroupExists = 'GROUP_EXISTS',
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
  /** 追问 on an opinion whose writer holds no receipt (a named survey, a symposium, a talk record): they could never read it. */
  NoReceipt = 'NO_RECEIPT',
  /** A second reply to a question asked on one's opinion: each question takes one. */
  AlreadyReplied = 'ALREADY_REPLIED',
  /** A claim released after its item was answered: the answer stands, so do the claims. */
  ClaimAnswered = 'CLAIM_ANSWERED',
  /** A 对照检查材料 submitted from a draft that leaves claimed items unanswered, without confirming so. */
  UncoveredItems = 'UNCOVERED_ITEMS',
  /** A body names an item that is not on this meeting's list (or is another organisation's). */
  UnknownItem = 'UNKNOWN_ITEM',
  /** A body names a meeting that is not this organisation's (or not an earlier one). */
  UnknownMeeting = 'UNKNOWN_MEETING',
  /** A rectification entry for this item already exists in the meeting's ledger. */
  RectificationExists = 'RECTIFICATION_EXISTS',
  /** 销号: the owner of an entry may not close it or send it back, whatever else they are. */
  OwnEntry = 'OWN_ENTRY',
  /** A stored file (an export, a material) is no longer on the server: build or upload it again. */
  FileGone = 'FILE_GONE',
  /** Changing one's own password: the current password given is not the account's. */
  WrongPassword = 'WRONG_PASSWORD',
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

  /** The record is there but its stored file is not (see FileStore.open). */
  static fileGone(message: string): AppError {
    return new AppError(ErrorCode.FileGone, HttpStatus.GONE, message);
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
