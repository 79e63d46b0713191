import { applyDecorators, UseGuards } from '@nestjs/common';
import { RateLimit, RateLimitGuard } from './rate-limit.guard';

/**
 * The limits of the routes people use without an account. The page and the API share each
 * counter, so switching between them does not double a client's allowance.
 */
export const BoxSubmitLimit = () =>
  applyDecorators(
    UseGuards(RateLimitGuard),
    RateLimit((config) => ({ name: 'box-submit', limit: config.anonymity.boxSubmitLimit, windowSeconds: config.anonymity.publicRateWindowSeconds })),
  );

export const ReceiptLookupLimit = () =>
  applyDecorators(
    UseGuards(RateLimitGuard),
    RateLimit((config) => ({ name: 'receipt-lookup', limit: config.anonymity.receiptLookupLimit, windowSeconds: config.anonymity.publicRateWindowSeconds })),
  );

export const PublicReadLimit = () =>
  applyDecorators(
    UseGuards(RateLimitGuard),
    RateLimit((config) => ({ name: 'public-read', limit: config.anonymity.publicReadLimit, windowSeconds: config.anonymity.publicRateWindowSeconds })),
  );
