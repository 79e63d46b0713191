import { applyDecorators, UseGuards } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Quota } from './rate-limiter';
import { RateLimit, RateLimitGuard } from './rate-limit.guard';

/** A limit per client over the public routes' window; the counter is shared by every route using `name`. */
const publicLimit = (name: string, limitOf: (config: AppConfig) => number) => () =>
  applyDecorators(
    UseGuards(RateLimitGuard),
    RateLimit((config) => ({ name, limit: limitOf(config), windowSeconds: config.anonymity.publicRateWindowSeconds })),
  );

/**
 * The limits of the routes people use without an account that count every request. The page
 * and the API share each counter, so switching between them does not double a client's allowance.
 */
export const ReceiptLookupLimit = publicLimit('receipt-lookup', (config) => config.anonymity.receiptLookupLimit);
export const PublicReadLimit = publicLimit('public-read', (config) => config.anonymity.publicReadLimit);

/**
 * Submissions count only what was accepted: checked before, counted once stored (see
 * RateLimiter). Named here so the page and the API count on the same counter.
 */
export const boxSubmitQuota = (config: AppConfig): Quota => ({
  name: 'box-submit',
  limit: config.anonymity.boxSubmitLimit,
  windowSeconds: config.anonymity.publicRateWindowSeconds,
  refusal: (wait) => `提交太频繁，请 ${wait}后再试`,
});

/** All clients together, per box: a flood from many addresses still stops here. */
export const boxCeilingQuota = (config: AppConfig): Quota => ({
  name: 'box-ceiling',
  limit: config.anonymity.boxSubmitCeiling,
  windowSeconds: config.anonymity.publicRateWindowSeconds,
  refusal: (wait) => `这个意见箱这段时间收到的意见太多，暂停接收，请 ${wait}后再试`,
});

/** Wrong access codes per client and box: only failures count, so guessing the code stops here. */
export const accessCodeFailureQuota = (config: AppConfig): Quota => ({
  name: 'access-code-failure',
  limit: config.anonymity.accessCodeFailureLimit,
  windowSeconds: config.anonymity.publicRateWindowSeconds,
  refusal: (wait) => `访问码输错的次数太多，请 ${wait}后再试，并核对海报上的访问码`,
});

export const surveySubmitQuota = (config: AppConfig): Quota => ({
  name: 'survey-submit',
  limit: config.anonymity.surveySubmitLimit,
  windowSeconds: config.anonymity.publicRateWindowSeconds,
  refusal: (wait) => `提交太频繁，请 ${wait}后再试`,
});
