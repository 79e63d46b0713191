import { Module } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS_CLIENT } from '../core/redis.provider';
import { RateLimitGuard } from './rate-limit.guard';
import { MemoryRateLimitStore, RateLimitStore, RedisRateLimitStore } from './rate-limit.store';

/** Imported by every module with public routes. */
@Module({
  providers: [
    {
      provide: RateLimitStore,
      inject: [REDIS_CLIENT],
      useFactory: (redis: Redis | null) => (redis ? new RedisRateLimitStore(redis) : new MemoryRateLimitStore()),
    },
    RateLimitGuard,
  ],
  exports: [RateLimitStore, RateLimitGuard],
})
export class RateLimitModule {}
