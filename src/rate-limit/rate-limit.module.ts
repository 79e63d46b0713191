import { Module } from '@nestjs/common';
import Redis from 'ioredis';
import { Clock } from '../common/clock';
import { REDIS_CLIENT } from '../core/redis.provider';
import { RateLimitGuard } from './rate-limit.guard';
import { MemoryRateLimitStore, RateLimitStore, RedisRateLimitStore } from './rate-limit.store';
import { RateLimiter } from './rate-limiter';

/** Imported by every module with public routes or a sign-in. */
@Module({
  providers: [
    {
      provide: RateLimitStore,
      inject: [REDIS_CLIENT, Clock],
      useFactory: (redis: Redis | null, clock: Clock) => (redis ? new RedisRateLimitStore(redis, clock) : new MemoryRateLimitStore(clock)),
    },
    RateLimiter,
    RateLimitGuard,
  ],
  exports: [RateLimitStore, RateLimiter, RateLimitGuard],
})
export class RateLimitModule {}
