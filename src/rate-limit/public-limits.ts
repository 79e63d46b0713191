import { applyDecorators, UseGuards } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { RateLimit, RateLimitGuard } from './rate-limit.guard';

/** A limit per client over the public routes' window; the counter is shared by every route using `name`. */
const publicLimit = (name: string, limitOf: (config: AppConfig) => number) => () =>
  applyDecorators(
    UseGuards(RateLimitGuard),
    RateLimit((config) => ({ name, limit: limitOf(config), windowSeconds: config.anonymity.publicRateWindowSeconds })),
  );

/**
 * The limits of the routes people use without an account. The page and the API share each
 * counter, so switching between them does not double a client's allowance.
 */
export const BoxSubmitLimit = publicLimit('box-submit', (config) => config.anonymity.boxSubmitLimit);
export const SurveySubmitLimit = publicLimit('survey-submit', (config) => config.anonymity.surveySubmitLimit);
export const ReceiptLookupLimit = publicLimit('receipt-lookup', (config) => config.anonymity.receiptLookupLimit);
export const PublicReadLimit = publicLimit('public-read', (config) => config.anonymity.publicReadLimit);
