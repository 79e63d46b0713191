import { Module } from '@nestjs/common';
import Redis from 'ioredis';
import { Clock } from '../common/clock';
import { REDIS_CLIENT } from '../core/redis.provider';
import { MemoryRateLimitStore, RateLimitStore, RedisRateLimitStore } from './rate-limit.store';
import { RateLimiter } from './rate-limiter';

/** Imported by every module with public routes or a sign-in, and by their routes modules (for RateLimitGuard). */
@Module({
  providers: [
    {
      provide: RateLimitStore,
      inject: [REDIS_CLIENT, Clock],
      useFactory: (redis: Redis | null, clock: Clock) => (redis ? new RedisRateLimitStore(redis, clock) : new MemoryRateLimitStore(clock)),
    },
    RateLimiter,
  ],
  // Not RateLimitGuard: the routes that use it (@UseGuards) build it, so the worker builds no guard.
  exports: [RateLimitStore, RateLimiter],
})
export class RateLimitModule {}
